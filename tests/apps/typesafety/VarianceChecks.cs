using System;
using System.Collections.Generic;

namespace TypeSafety;

public static class VarianceChecks
{
    public static void Run()
    {
        IProducer<Animal> producer = Hidden.Pass<IProducer<Animal>>(new CatProducer());
        Report.Try("covariant interface call", () => producer.Produce().Sound);
        object producerObject = Hidden.Opaque(new CatProducer());
        Report.Line("CatProducer is IProducer<Animal>", producerObject is IProducer<Animal>);
        Report.Line("CatProducer is IProducer<object>", producerObject is IProducer<object>);
        Report.Line("CatProducer is IProducer<Holder>", producerObject is IProducer<Holder>);
        Report.Try("CatProducer to IProducer<Holder>", () => ((IProducer<Holder>)producerObject).Produce().Value.ToString());

        IConsumer<Cat> consumer = Hidden.Pass<IConsumer<Cat>>(new AnimalConsumer());
        Report.Try("contravariant interface call", () => consumer.Consume(new Cat()));
        object consumerObject = Hidden.Opaque(new AnimalConsumer());
        Report.Line("AnimalConsumer is IConsumer<Cat>", consumerObject is IConsumer<Cat>);
        Report.Line("AnimalConsumer is IConsumer<object>", consumerObject is IConsumer<object>);

        Func<Cat> makeCat = () => new Cat();
        object makeCatObject = Hidden.Opaque(makeCat);
        Report.Line("Func<Cat> is Func<Animal>", makeCatObject is Func<Animal>);
        Report.Line("Func<Animal> assignable from Func<Cat>", typeof(Func<Animal>).IsAssignableFrom(typeof(Func<Cat>)));
        Report.Line("IProducer<Animal> assignable from IProducer<Cat>", typeof(IProducer<Animal>).IsAssignableFrom(typeof(IProducer<Cat>)));
        Report.Line("Func<Cat> is Func<Holder>", makeCatObject is Func<Holder>);
        Report.Try("Func<Cat> as Func<Animal> call", () => ((Func<Animal>)makeCatObject)().Sound);
        Report.Try("Func<Cat> to Func<Holder>", () => ((Func<Holder>)makeCatObject)().Value.ToString());
        Action<Animal> speak = a => { };
        object speakObject = Hidden.Opaque(speak);
        // `is Action<Cat>` where no Action<Cat> is ever made is left out: ILC without reflection
        // data folds it to false (docs/dotnet-differences.md).
        Report.Line("Action<Animal> is Action<object>", speakObject is Action<object>);

        List<Cat> catList = new List<Cat>();
        catList.Add(new Cat());
        object catListObject = Hidden.Opaque(catList);
        Report.Line("List<Cat> is IEnumerable<Animal>", catListObject is IEnumerable<Animal>);
        Report.Line("List<Cat> is IEnumerable<Holder>", catListObject is IEnumerable<Holder>);
        Report.Line("List<int> is IEnumerable<long>", Hidden.Opaque(new List<int>()) is IEnumerable<long>);
        Report.Try("List<Cat> as IEnumerable<Animal> foreach", () =>
        {
            string sounds = "";
            foreach (Animal a in (IEnumerable<Animal>)catListObject)
                sounds += a.Sound;
            return sounds;
        });
    }
}

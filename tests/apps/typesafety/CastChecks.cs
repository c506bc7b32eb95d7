using System;
using System.Collections;
using System.Collections.Generic;

namespace TypeSafety;

public static class CastChecks
{
    public static void Run()
    {
        // The issue's own case, with the static type visible to the compiler.
        object plain = "text";
        Report.Try("string to sealed class (static)", () => ((Holder)plain).Value.ToString());
        Report.Try("string to IDisposable (static)", () => ((IDisposable)plain).ToString()!);
        object text = Hidden.Opaque("text");
        Report.Try("string to sealed class", () => ((Holder)text).Value.ToString());
        Report.Try("string to IDisposable", () => ((IDisposable)text).ToString()!);
        Report.Line("string is Holder", text is Holder);
        Report.Line("string is IDisposable", text is IDisposable);
        Report.Line("string is IEnumerable<char>", text is IEnumerable<char>);
        Report.Line("string is IComparable<string>", text is IComparable<string>);
        object cat = Hidden.Opaque(new Cat());
        Report.Try("cat to Holder", () => ((Holder)cat).Value.ToString());
        Report.Try("cat to Animal", () => ((Animal)cat).Sound);
        object animal = Hidden.Opaque(new Animal());
        Report.Try("animal to Cat", () => ((Cat)animal).Sound);
        Report.Line("animal is Cat", animal is Cat);
        object holder = Hidden.Opaque(new Holder());
        Report.Try("holder to string", () => ((string)holder).Length.ToString());
        Report.Try("holder to int[]", () => ((int[])holder).Length.ToString());

        object ints = Hidden.Opaque(new int[] { 1, 2, 3 });
        Report.Line("int[] is object[]", ints is object[]);
        Report.Line("int[] is uint[]", ints is uint[]);
        Report.Line("int[] is long[]", ints is long[]);
        Report.Line("int[] is IEnumerable<int>", ints is IEnumerable<int>);
        Report.Line("int[] is IList<int>", ints is IList<int>);
        Report.Line("int[] is IReadOnlyList<int>", ints is IReadOnlyList<int>);
        Report.Line("int[] is ICollection<int>", ints is ICollection<int>);
        Report.Line("int[] is IEnumerable<long>", ints is IEnumerable<long>);
        Report.Line("int[] is IEnumerable<object>", ints is IEnumerable<object>);
        Report.Line("int[] is IEnumerable", ints is IEnumerable);
        Report.Try("int[] to string[]", () => ((string[])ints).Length.ToString());
        Report.Try("int[] to IList<string>", () => ((IList<string>)ints).Count.ToString());

        object strings = Hidden.Opaque(new string[] { "a", "b" });
        Report.Line("string[] is object[]", strings is object[]);
        Report.Line("string[] is IEnumerable<object>", strings is IEnumerable<object>);
        Report.Line("string[] is IReadOnlyList<object>", strings is IReadOnlyList<object>);
        Report.Line("string[] is IList<object>", strings is IList<object>);
        Report.Line("string[] is IList<Animal>", strings is IList<Animal>);
        object objects = Hidden.Opaque(new object[] { "a" });
        Report.Line("object[] is string[]", objects is string[]);
        Report.Line("object[] is IEnumerable<string>", objects is IEnumerable<string>);
        Report.Try("object[] to IList<string>", () => ((IList<string>)objects).Count.ToString());
        object cats = Hidden.Opaque(new Cat[] { new Cat() });
        Report.Line("Cat[] is Animal[]", cats is Animal[]);
        Report.Line("Cat[] is IEnumerable<Animal>", cats is IEnumerable<Animal>);
        Report.Try("Cat[] as IList<Animal> [0]", () => ((IList<Animal>)cats)[0].Sound);
        object colors = Hidden.Opaque(new Color[] { Color.Blue });
        Report.Line("Color[] is int[]", colors is int[]);

        object boxed = Hidden.Opaque(42);
        Report.Try("unbox int as long", () => ((long)boxed).ToString());
        Report.Try("unbox int as int", () => ((int)boxed).ToString());
        Report.Try("unbox int as int?", () => ((int?)boxed)!.Value.ToString());
        Report.Try("unbox int as Color", () => ((Color)boxed).GetHashCode().ToString());
        object boxedColor = Hidden.Opaque(Color.Green);
        Report.Try("unbox Color as int", () => ((int)boxedColor).ToString());
        Report.Line("boxed int is IComparable<int>", boxed is IComparable<int>);
        Report.Line("boxed int is IEquatable<long>", boxed is IEquatable<long>);

        object stringBox = Hidden.Opaque(new Box<string>());
        Report.Line("Box<string> is Box<object>", stringBox is Box<object>);
        Report.Line("Box<string> is Box<string>", stringBox is Box<string>);
        Report.Try("Box<string> to Box<object>", () => ((Box<object>)stringBox).GetHashCode() >= 0 ? "cast" : "cast");
    }
}

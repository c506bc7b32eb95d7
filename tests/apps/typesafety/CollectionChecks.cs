using System;
using System.Collections;
using System.Collections.Generic;

namespace TypeSafety;

public static class CollectionChecks
{
    public static void Run()
    {
        int[] numbers = { 1, 2, 3, 4 };
        IEnumerable<int> sequence = Hidden.Pass<IEnumerable<int>>(numbers);
        Report.Try("int[] as IEnumerable<int> sum", () => Sequences.Sum(sequence).ToString());
        Report.Try("int[] through yield extension", () => Sequences.Sum(numbers.Doubled()).ToString());
        IList<int> list = Hidden.Pass<IList<int>>(numbers);
        Report.Try("IList<int> count", () => list.Count.ToString());
        Report.Try("IList<int> indexer", () => list[2].ToString());
        Report.Try("IList<int> IndexOf", () => list.IndexOf(3).ToString());
        Report.Try("IList<int> Contains", () => list.Contains(5) ? "True" : "False");
        Report.Try("IList<int> Add", () => { list.Add(5); return "added"; });
        Report.Try("IList<int> set", () => { list[0] = 10; return numbers[0].ToString(); });
        Report.Try("IList<int> out of range", () => list[4].ToString());
        Report.Try("ICollection<int> IsReadOnly", () => ((ICollection<int>)list).IsReadOnly ? "True" : "False");
        Report.Try("ICollection<int> CopyTo", () =>
        {
            int[] target = new int[6];
            ((ICollection<int>)list).CopyTo(target, 1);
            return target[0].ToString() + target[1].ToString() + target[4].ToString() + target[5].ToString();
        });
        IReadOnlyList<string> names = Hidden.Pass<IReadOnlyList<string>>(new[] { "x", "y" });
        Report.Try("IReadOnlyList<string> count and item", () => names.Count.ToString() + names[1]);
        IEnumerable untyped = Hidden.Pass<IEnumerable>(numbers);
        Report.Try("int[] as IEnumerable", () =>
        {
            int total = 0;
            foreach (object? o in untyped)
                total += (int)o!;
            return total.ToString();
        });
        IEnumerator<int> enumerator = sequence.GetEnumerator();
        Report.Try("array enumerator Current before MoveNext", () => enumerator.Current.ToString());

        var growing = new List<int>();
        growing.Add(1);
        growing.Add(2);
        Report.Try("List changed in its foreach", () =>
        {
            foreach (int value in growing)
            {
                if (growing.Count < 100)
                    growing.Add(value);
            }
            return growing.Count.ToString();
        });
        var table = new Dictionary<string, int>();
        table["a"] = 1;
        table["b"] = 2;
        Report.Try("Dictionary changed in its foreach", () =>
        {
            foreach (KeyValuePair<string, int> pair in table)
                table[pair.Key + "x"] = pair.Value;
            return table.Count.ToString();
        });

        Report.Line("tuple Equals", (1, 2).Equals((1, 2)));
        Report.Line("tuple Equals different", (1, 2).Equals((1, 3)));
        Report.Line("tuple Equals boxed", Hidden.Opaque((1, "a")).Equals((1, "a")));
        Report.Line("tuple hash codes agree", (3, "b").GetHashCode() == (3, "b").GetHashCode());
        Report.Line("tuple ==", (1, 2) == (1, 2));
        Report.Line("tuple ToString", (1, "two").ToString()!);
        Report.Line("triple ToString", (1, 2, 3).ToString()!);
        var byPair = new Dictionary<(int, int), string>();
        byPair[(1, 2)] = "found";
        Report.Try("tuple dictionary key", () => byPair[(1, 2)]);
        Report.Line("tuple ContainsKey", byPair.ContainsKey((1, 2)));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using static Corpus.Report;

namespace Corpus;

// LINQ to objects beyond the basics: joins, grouping, sets, windows and deferred execution.
internal static class Queries
{
    private sealed record Person(string Name, int Age, string City);

    private sealed record Order(int Id, string Customer, decimal Total);

    public static void Run()
    {
        Person[] people =
        [
            new("Ann", 31, "Oslo"), new("Bob", 25, "Rome"), new("Cid", 42, "Oslo"),
            new("Dee", 25, "Lima"), new("Eve", 37, "Rome"), new("Fay", 19, "Oslo"),
        ];
        Order[] orders = [new(1, "Ann", 10.5m), new(2, "Bob", 20m), new(3, "Ann", 7.25m), new(4, "Zed", 99m), new(5, "Eve", 3m)];

        Check("linq join", Join(people.Join(orders, p => p.Name, o => o.Customer, (p, o) => p.Name + "#" + o.Id)));
        Check("linq groupjoin", Join(people.GroupJoin(orders, p => p.Name, o => o.Customer, (p, os) => p.Name + ":" + os.Sum(o => o.Total))));
        Check("linq left join", Join(people.Take(3).LeftJoin(orders, p => p.Name, o => o.Customer, (p, o) => p.Name + (o?.Id.ToString() ?? "-"))));
        Check("linq query syntax", Join(from p in people where p.Age > 20 orderby p.City, p.Name descending select $"{p.City}/{p.Name}"));
        Check("linq query let/join", Join(from p in people join o in orders on p.Name equals o.Customer let doubled = o.Total * 2 where doubled > 15 select p.Name + "=" + doubled));
        Check("linq groupby elements", Join(people.GroupBy(p => p.City, p => p.Name).OrderBy(g => g.Key).Select(g => g.Key + "[" + string.Join("+", g) + "]")));
        Check("linq groupby result", Join(people.GroupBy(p => p.Age / 10 * 10, (decade, ps) => $"{decade}s:{ps.Count()}")));
        Check("linq tolookup", Join(people.ToLookup(p => p.Age)[25].Select(p => p.Name)) + " " + people.ToLookup(p => p.City).Count + " " + people.ToLookup(p => p.City)["Paris"].Count());
        Check("linq countby/aggregateby", Join(people.CountBy(p => p.City).Select(p => p.Key + p.Value)) + " " + Join(people.AggregateBy(p => p.City, 0, (sum, p) => sum + p.Age).Select(p => p.Key + p.Value)));
        Check("linq chunk", Join(Enumerable.Range(1, 10).Chunk(4).Select(chunk => "[" + string.Join(" ", chunk) + "]")));
        Check("linq minby/maxby", people.MinBy(p => p.Age)!.Name + " " + people.MaxBy(p => p.Age)!.Name + " " + people.MaxBy(p => p.City)!.Name);
        Check("linq distinctby/unionby", Join(people.DistinctBy(p => p.City).Select(p => p.Name)) + " " + Join(people.Take(2).UnionBy(people.Skip(4), p => p.City).Select(p => p.Name)));
        Check("linq exceptby/intersectby", Join(people.ExceptBy(new[] { "Oslo" }, p => p.City).Select(p => p.Name)) + " " + Join(people.IntersectBy(new[] { 25 }, p => p.Age).Select(p => p.Name)));
        Check("linq aggregate seed", Enumerable.Range(1, 5).Aggregate("x", (acc, n) => acc + n) + " " + Enumerable.Range(1, 5).Aggregate(1, (acc, n) => acc * n, acc => acc / 2.0));
        Check("linq sum/average types", $"{orders.Sum(o => o.Total)} {orders.Average(o => o.Total)} {people.Average(p => p.Age):F3} {new long[] { long.MaxValue / 2, 1 }.Sum()} {new float[] { 0.1f, 0.2f }.Sum()}");
        Check("linq min/max empty", Throws(() => Array.Empty<int>().Max()) + " | " + new int?[] { null, 3, null, 1 }.Max() + " " + Array.Empty<int?>().Min().HasValue);
        Check("linq sequenceequal", $"{new[] { 1, 2, 3 }.SequenceEqual(new List<int> { 1, 2, 3 })} {new[] { "a" }.SequenceEqual(new[] { "A" }, StringComparer.OrdinalIgnoreCase)} {new[] { 1 }.SequenceEqual(new[] { 1, 2 })}");
        Check("linq set operations", $"{Join(new[] { 1, 2, 3, 4 }.Except(new[] { 2, 4 }))} {Join(new[] { 1, 2, 3 }.Union(new[] { 3, 4 }))} {Join(new[] { 1, 2, 3 }.Intersect(new[] { 2, 3, 5 }))}");
        Check("linq concat/append/prepend", Join(new[] { 2, 3 }.Prepend(1).Append(4).Concat(new[] { 5 })));
        Check("linq zip three", Join(new[] { 1, 2 }.Zip(new[] { "a", "b" }, new[] { true, false }).Select(t => $"{t.First}{t.Second}{t.Third}")));
        Check("linq first/single/last", $"{people.First(p => p.Age > 30).Name} {people.Last(p => p.City == "Oslo").Name} {people.SingleOrDefault(p => p.Age == 42)?.Name} {people.FirstOrDefault(p => p.Age > 99)?.Name ?? "none"} {people.LastOrDefault(p => p.Age > 99, people[0]).Name}");
        Check("linq single throws", Throws(() => people.Single(p => p.Age == 25)) + " | " + Throws(() => people.First(p => p.Age > 99)));
        Check("linq elementat/index", $"{people.ElementAt(2).Name} {people.ElementAtOrDefault(10)?.Name ?? "none"} {people.ElementAt(^1).Name} {Join(people.Index().Where(t => t.Index % 2 == 0).Select(t => t.Index + t.Item.Name))}");
        Check("linq skip/take while", $"{Join(Enumerable.Range(1, 10).SkipWhile(n => n < 4).TakeWhile(n => n < 8))} {Join(Enumerable.Range(1, 10).TakeLast(3))} {Join(Enumerable.Range(1, 10).SkipLast(8))} {Join(Enumerable.Range(1, 10).Take(2..4))}");
        Check("linq ordering stable", Join(people.OrderBy(p => p.Age).ThenByDescending(p => p.City).Select(p => p.Name)) + " " + Join(new[] { 3, 1, 2 }.Order()) + " " + Join(new[] { "b", "C", "a" }.OrderDescending(StringComparer.OrdinalIgnoreCase)));
        Check("linq selectmany index", Join(new[] { "ab", "c" }.SelectMany((s, i) => s.Select(c => $"{i}{c}"))) + " " + Join(people.Select((p, i) => i * p.Age).Where((x, i) => i < 3)));
        Check("linq oftype/cast", Join(new object[] { 1, "a", 2.0, 3, null! }.OfType<int>()) + " " + Throws(() => new object[] { 1, "a" }.Cast<int>().ToList()));
        Check("linq range/repeat/empty", $"{Join(Enumerable.Range(-2, 5))} {Join(Enumerable.Repeat("ab", 3))} {Enumerable.Empty<int>().Count()} {Enumerable.Range(1, 0).Any()} {Join(new[] { 1 }.DefaultIfEmpty(9))} {Join(Array.Empty<int>().DefaultIfEmpty(9))}");
        Check("linq todictionary dup", Throws(() => people.ToDictionary(p => p.City)));
        Check("linq tohashset/contains", $"{people.Select(p => p.City).ToHashSet().Count} {people.Select(p => p.Age).Contains(37)} {people.Any()} {people.LongCount()}");
        Check("linq reverse/asenumerable", Join(people.Reverse().Select(p => p.Name[0])) + " " + Join(people.AsEnumerable().Where(p => p.City == "Lima").Select(p => p.Age)));
        Check("linq infinite lazy", Join(Naturals().Where(n => n % 7 == 3).Select(n => n * n).Take(4)));

        var log = new List<string>();
        var source = new List<int> { 1, 2, 3 };
        IEnumerable<int> deferred = source.Where(n => { log.Add("w" + n); return n > 1; }).Select(n => { log.Add("s" + n); return n * 10; });
        log.Add("defined");
        source.Add(4);
        int[] firstRun = deferred.ToArray();
        Check("linq deferred", Join(firstRun) + " log=" + string.Join(" ", log));
        log.Clear();
        _ = deferred.First();
        Check("linq deferred first", string.Join(" ", log));
        int evaluations = 0;
        IEnumerable<int> generated = Enumerable.Range(1, 3).Select(n => { evaluations++; return n; });
        _ = generated.Count();
        _ = generated.Sum();
        List<int> materialized = generated.ToList();
        _ = materialized.Count;
        _ = materialized.Sum();
        Check("linq multiple enumeration", evaluations);
        Check("linq exception deferred", Throws(() => { IEnumerable<int> query = new[] { 1, 0 }.Select(n => 10 / n); Console.Write(""); _ = query.Last(); }));
        var numbers = Enumerable.Range(1, 20).ToArray();
        Check("linq statistics", $"{numbers.Where(n => n % 2 == 1).Sum()} {numbers.Select(n => (double)n).Average():F2} {numbers.Max(n => -n)} {numbers.Count(n => n > 15)} {numbers.Aggregate((a, b) => a ^ b)}");
    }

    private static IEnumerable<int> Naturals()
    {
        for (int n = 0; ; n++)
            yield return n;
    }
}

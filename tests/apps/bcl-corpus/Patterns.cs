using System;
using System.Linq;
using System.Text.RegularExpressions;
using static Corpus.Report;

namespace Corpus;

// Regular expressions: the interpreter, RegexOptions.Compiled (interpreted under NativeAOT),
// the source generator, matches, groups, replacement, splitting and timeouts.
internal static partial class Patterns
{
    private const string Log = "2024-03-09 ERROR disk full; 2024-03-10 WARN slow; 2024-03-11 ERROR fan stopped";

    public static void Run()
    {
        var dated = new Regex(@"(?<date>\d{4}-\d{2}-\d{2}) (?<level>[A-Z]+) (?<text>[^;]+)");
        Check("regex matches", Join(dated.Matches(Log).Select(m => m.Groups["level"].Value + "@" + m.Groups["date"].Value)));
        Match match = dated.Match(Log);
        Check("regex groups", $"{match.Success} {match.Index} {match.Length} {match.Groups.Count} {match.Groups[3].Value} {match.Groups["text"].Index} {dated.GetGroupNames().Length}");
        Check("regex nextmatch", match.NextMatch().Groups["text"].Value + "|" + match.NextMatch().NextMatch().NextMatch().Success);
        Check("regex ismatch", $"{Regex.IsMatch("abc123", @"^[a-z]+\d+$")} {Regex.IsMatch("ABC", "abc")} {Regex.IsMatch("ABC", "abc", RegexOptions.IgnoreCase)} {Regex.IsMatch("a\nb", "^b$", RegexOptions.Multiline)} {Regex.IsMatch("a\nb", "a.b", RegexOptions.Singleline)}");
        Check("regex replace", Regex.Replace("John Smith, Jane Doe", @"(\w+) (\w+)", "$2 $1") + " | " + Regex.Replace("a1b22c333", @"\d+", m => "<" + m.Value.Length + ">") + " | " + Regex.Replace("x  y   z", @"\s+", " "));
        Check("regex replace named/count", new Regex(@"(?<n>\d)").Replace("1 2 3 4", "[${n}]", 2) + " | " + Regex.Replace("aaa", "a", "$$"));
        Check("regex split", Join(Regex.Split("one, two;three  four", @"[,;\s]+")) + " | " + Join(Regex.Split("a1b2c", @"(\d)")));
        Check("regex escape", Regex.Escape("1+1=2? [yes] (ok) $5") + " | " + Regex.Unescape(@"tab\there"));
        Check("regex lookaround", Join(Regex.Matches("price: $30, cost: $45, $x", @"(?<=\$)\d+").Select(m => m.Value)) + " " + Join(Regex.Matches("foobar foobaz", @"foo(?!bar)\w+").Select(m => m.Value)));
        Check("regex backreference", Join(Regex.Matches("hello aa book committee", @"(\w)\1").Select(m => m.Value)) + " " + Regex.IsMatch("abcabc", @"^(abc)\1$"));
        Check("regex lazy/greedy", Regex.Match("<a><b>", "<.+>").Value + " " + Regex.Match("<a><b>", "<.+?>").Value + " " + Regex.Match("aaaa", "a{2,3}").Value);
        Check("regex captures", Join(Regex.Match("a1b2c3", @"(?:([a-z])(\d))+").Groups[2].Captures.Select(c => c.Value)));
        Check("regex alternation/anchors", Join(Regex.Matches("cat dog bird catalog", @"\b(cat|dog)\b").Select(m => m.Index)) + " " + Regex.Match("end of line", @"\w+$").Value);
        Check("regex unicode", Join(Regex.Matches("Grüße Ωmega 123", @"\p{L}+").Select(m => m.Value)) + " " + Regex.IsMatch("é", @"^\w$") + " " + Regex.Matches("a😀b", ".").Count);
        Check("regex options", $"{Regex.Matches("A a", "a", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).Count} {Regex.Match("x = 1", @"x \s* = \s* (\d)", RegexOptions.IgnorePatternWhitespace).Groups[1].Value} {Regex.Match("abc", "c|b", RegexOptions.RightToLeft).Value} {Regex.Match("ab12", @"(\d)(?<x>\d)", RegexOptions.ExplicitCapture).Groups.Count}");
        var compiled = new Regex(@"^(?<user>[\w.+-]+)@(?<host>[\w-]+(\.[\w-]+)+)$", RegexOptions.Compiled);
        Check("regex compiled", Join(new[] { "ann@example.com", "bad@", "x.y+z@a-b.co.uk" }.Select(address => compiled.Match(address) is { Success: true } m ? m.Groups["host"].Value : "invalid")));
        Check("regex nonbacktracking", Join(new Regex(@"(a|b)*c", RegexOptions.NonBacktracking).Matches("abac bbc c").Select(m => m.Value)));
        Check("regex generated", $"{Hex().IsMatch("0x1F")} {Hex().IsMatch("1F")} {Join(Words().Matches("The Quick brown Fox").Select(m => m.Value))} {Words().Replace("Hello World", "_")}");
        Check("regex enumeratematches", string.Join(",", EnumerateWords("Alpha beta Gamma")));
        Check("regex count", Regex.Count("banana", "a") + " " + Regex.Count("aaaa", "aa"));
        Check("regex timeout", Throws(() => Regex.Match(new string('a', 30) + "!", @"^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50))).Split(':')[0]);
        Check("regex invalid", Throws(() => new Regex("(unclosed")).Split(':')[0] + " " + Throws(() => Regex.Match("x", "[z-a]")).Split(':')[0]);
        Check("regex result", Regex.Match("2024-03-09", @"(\d+)-(\d+)-(\d+)").Result("$3/$2/$1") + " " + Regex.Match("abc", "z").Value.Length + " " + Regex.Match("abc", "z").Groups[0].Success);
    }

    private static System.Collections.Generic.List<string> EnumerateWords(string text)
    {
        var words = new System.Collections.Generic.List<string>();
        foreach (ValueMatch match in Words().EnumerateMatches(text))
            words.Add(text.Substring(match.Index, match.Length).ToUpperInvariant());
        return words;
    }

    [GeneratedRegex(@"^0[xX][0-9a-fA-F]+$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"\b[A-Z]\w*")]
    private static partial Regex Words();
}

using System;
using System.IO;
using System.Linq;
using Unikraft.Build.BclCheck;

namespace Unikraft.Build.Cli;

/// <summary><c>bcl-check</c>: an application on the minimal corlib that uses a namespace only
/// .NET's base class library has gets one error per directive, at its line, saying how to pick
/// the full library; exit code 1 when there is any.</summary>
public static class BclCheckCommand
{
    public static int Run(string sources, string assemblies, string framework, string manifest, TextWriter stdout, TextWriter stderr)
    {
        static string[] List(string value) => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var available = NamespaceUse.NamespacesOf(List(assemblies));
            var full = NamespaceUse.NamespacesOf(Directory.EnumerateFiles(framework, "*.dll"));
            var findings = NamespaceUse.Find(List(sources), available, full);
            foreach (NamespaceUse.Finding finding in findings)
            {
                stderr.WriteLine($"{finding.File}({finding.Line},1): error UK0014: '{finding.Namespace}' is part of .NET's base class library, which this image is not built with (it uses the minimal corlib): add dotnet to libraries in {manifest} to use it");
            }
            return findings.Count == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            stderr.WriteLine("Unikraft.Build: error: " + e.Message);
            return 1;
        }
    }
}

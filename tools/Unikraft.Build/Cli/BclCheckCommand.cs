using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Build.BclCheck;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Cli;

/// <summary><c>bcl-check</c>: an application on the minimal corlib that uses a namespace only
/// .NET's base class library has gets one error per directive, at its line, saying how to pick
/// the full library; false when there is any.</summary>
public static class BclCheckCommand
{
    public static bool Run(IReadOnlyList<string> sources, IReadOnlyList<string> assemblies, string framework, string manifest, IBuildLog log)
    {
        try
        {
            var available = NamespaceUse.NamespacesOf(assemblies);
            var full = NamespaceUse.NamespacesOf(Directory.EnumerateFiles(framework, "*.dll"));
            var findings = NamespaceUse.Find(sources, available, full);
            foreach (NamespaceUse.Finding finding in findings)
            {
                log.Error(new BuildError(
                    $"'{finding.Namespace}' is part of .NET's base class library, which this image is not built with (it uses the minimal corlib): add dotnet to libraries in {manifest} to use it",
                    finding.File, finding.Line, 1, "UK0014"));
            }
            return findings.Count == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            log.Error(new BuildError(e.Message));
            return false;
        }
    }
}

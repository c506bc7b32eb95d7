using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.IlcFailure;

namespace Unikraft.Build.Cli;

/// <summary><c>ilc-failure</c>: reads the output of a failed ILC run and reports one error in the
/// user's terms at the source line of the method ILC could not compile (from the PDB beside the
/// assembly that defines it).</summary>
public static class IlcFailureCommand
{
    public static void Run(string log, IReadOnlyList<string> assemblies, string manifest, bool minimalCorlib, IBuildLog buildLog)
    {
        IlcFailureReport report;
        try
        {
            report = IlcFailureReport.Parse(File.ReadAllText(log));
        }
        catch (IOException e)
        {
            buildLog.Error(new BuildError(e.Message));
            return;
        }
        var (code, message) = FailureExplanation.Explain(report, minimalCorlib, manifest);
        MethodSources.SourceLine? source = null;
        if (report.Assembly is string assemblyName && report.MethodPath is string methodPath)
        {
            string? assembly = assemblies.FirstOrDefault(path => Path.GetFileNameWithoutExtension(path) == assemblyName);
            if (assembly is not null)
            {
                try
                {
                    source = MethodSources.Find(assembly, methodPath);
                }
                catch (Exception e) when (e is IOException or BadImageFormatException)
                {
                    source = null;
                }
            }
        }
        buildLog.Error(source is null
            ? new BuildError(message, Code: code)
            : new BuildError(message, source.File, source.Line, 1, code));
    }
}

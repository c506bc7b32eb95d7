using System;
using System.IO;
using System.Linq;
using Unikraft.Build.IlcFailure;

namespace Unikraft.Build.Cli;

/// <summary><c>ilc-failure</c>: reads the output of a failed ILC run and prints one error in the
/// user's terms at the source line of the method ILC could not compile (from the PDB beside the
/// assembly that defines it); exit code 1 always, since the build has failed.</summary>
public static class IlcFailureCommand
{
    public static int Run(string log, string assemblies, string manifest, bool minimalCorlib, TextWriter stdout, TextWriter stderr)
    {
        IlcFailureReport report;
        try
        {
            report = IlcFailureReport.Parse(File.ReadAllText(log));
        }
        catch (IOException e)
        {
            stderr.WriteLine("Unikraft.Build: error: " + e.Message);
            return 1;
        }
        string message = FailureExplanation.Describe(report, minimalCorlib, manifest);
        MethodSources.SourceLine? source = null;
        if (report.Assembly is string assemblyName && report.MethodPath is string methodPath)
        {
            string? assembly = assemblies.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(path => Path.GetFileNameWithoutExtension(path) == assemblyName);
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
        stderr.WriteLine(source is null ? message : $"{source.File}({source.Line},1): {message}");
        return 1;
    }
}

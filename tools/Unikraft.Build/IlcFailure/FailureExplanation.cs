using System.Collections.Generic;

namespace Unikraft.Build.IlcFailure;

/// <summary>
/// ILC's failure in the user's terms: which feature the method uses that the image's base
/// class library cannot serve, and what to change in the manifest.
/// </summary>
public static class FailureExplanation
{
    // Types ILC asks the system library for when a method uses a feature the minimal corlib
    // leaves out, and what that feature is called in C#.
    private static readonly Dictionary<string, string> Features = new()
    {
        ["System.Runtime.TypeLoaderExports"] = "calls a generic virtual method (a generic method of an interface, or a virtual or abstract generic method)",
    };

    public static string Describe(IlcFailureReport report, bool minimalCorlib, string manifest)
    {
        var (code, message) = Explain(report, minimalCorlib, manifest);
        return $"error {code}: {message}";
    }

    /// <returns>The error's UK code and its message.</returns>
    public static (string Code, string Message) Explain(IlcFailureReport report, bool minimalCorlib, string manifest)
    {
        string method = report.MethodPath ?? "the image";
        if (minimalCorlib && report.MissingType is string missing)
        {
            string feature = Features.TryGetValue(missing, out string? known) ? known : "needs " + missing;
            return ("UK0015", $"{method} {feature}, which the minimal corlib does not support (ILC: {report.Reason}): add dotnet to libraries in {manifest} to build it on .NET's base class library, or write it without that");
        }
        return ("UK0016", $"ILC could not compile {method}: {report.Reason}");
    }
}

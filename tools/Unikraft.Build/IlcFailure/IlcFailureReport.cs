using System.Text.RegularExpressions;

namespace Unikraft.Build.IlcFailure;

/// <summary>
/// What ILC's output says when it stops: the method it could not compile (as ILC names it,
/// <c>[assembly]Namespace.Type.Method(parameters)</c>) and the innermost reason it gave.
/// </summary>
public sealed partial record IlcFailureReport(string? Assembly, string? Method, string Reason)
{
    public static IlcFailureReport Parse(string output)
    {
        Match method = CodeGenerationFailed().Match(output);
        string reason = "";
        foreach (Match inner in InnerException().Matches(output))
        {
            // The last exception line that is not ILC's own wrapper is the cause.
            if (!inner.Groups["type"].Value.EndsWith("CodeGenerationFailedException") && !inner.Groups["type"].Value.EndsWith("AggregateException"))
                reason = inner.Groups["message"].Value.Trim();
        }
        if (reason.Length == 0)
        {
            Match error = ErrorLine().Match(output);
            reason = error.Success ? error.Groups["message"].Value.Trim() : "ILC stopped without saying why";
        }
        return method.Success
            ? new IlcFailureReport(method.Groups["assembly"].Value, method.Groups["method"].Value, reason)
            : new IlcFailureReport(null, null, reason);
    }

    /// <summary>The type ILC expected in the system library and did not find, if that is the reason.</summary>
    public string? MissingType
    {
        get
        {
            Match match = ExpectedType().Match(Reason);
            return match.Success ? match.Groups["type"].Value : null;
        }
    }

    /// <summary>The method part without the parameter list and generic arguments:
    /// <c>Namespace.Type.Method</c>, nested types joined with '+'.</summary>
    public string? MethodPath
    {
        get
        {
            if (Method is null)
                return null;
            string withoutParameters = Method.Contains('(') ? Method[..Method.IndexOf('(')] : Method;
            return GenericArguments().Replace(withoutParameters, "");
        }
    }

    [GeneratedRegex(@"Code generation failed for method '\[(?<assembly>[^\]]+)\](?<method>[^']+)'")]
    private static partial Regex CodeGenerationFailed();

    [GeneratedRegex(@"---> (?<type>[\w.]+Exception): (?<message>[^\r\n]+)")]
    private static partial Regex InnerException();

    [GeneratedRegex(@"^Error: (?<message>[^\r\n]+)", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"Expected type '(?<type>[^']+)' not found")]
    private static partial Regex ExpectedType();

    [GeneratedRegex(@"<[^<>]*>|`\d+")]
    private static partial Regex GenericArguments();
}

namespace Unikraft.Build.Diagnostics;

/// <summary>One error tied to a file and a 1-based line, printed in the compiler format
/// so editors and MSBuild can jump to it.</summary>
public sealed record Diagnostic(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: error: {Message}";
}

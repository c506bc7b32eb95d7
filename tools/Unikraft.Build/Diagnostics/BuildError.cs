namespace Unikraft.Build.Diagnostics;

/// <summary>One error of a build step: at a file, line and column when it has them, with a
/// UK code when it has one. The command line prints it in the compiler's format; the MSBuild
/// tasks hand the parts to MSBuild, which does the same and lets editors jump to it.</summary>
public sealed record BuildError(string Message, string? File = null, int Line = 0, int Column = 0, string? Code = null)
{
    public override string ToString()
    {
        string error = Code is null ? "error" : "error " + Code;
        if (File is null)
        {
            return Code is null ? $"Unikraft.Build: error: {Message}" : $"{error}: {Message}";
        }

        // Manifest errors keep the file:line form their tests and editors' YAML support read;
        // C# source errors use the compiler's file(line,column) form.
        return Column > 0 ? $"{File}({Line},{Column}): {error}: {Message}" : $"{File}:{Line}: {error}: {Message}";
    }
}

using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Manifest;

// Checks an edited manifest exactly as the build will: the resolver runs on a temporary copy,
// its errors are reported against the real manifest path.
public static class ManifestValidator
{
    public static IReadOnlyList<string> Check(Repository repository, string manifestPath, string text)
    {
        string scratch = Path.Combine(Path.GetTempPath(), "uk-config-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
        try
        {
            string copy = Path.Combine(scratch, "unikernel.yaml");
            File.WriteAllText(copy, text);
            var (code, output) = ProcessRunner.Capture("dotnet", [repository.BuildToolDll, "resolve", "--manifest", copy, "--root", repository.Root, "--out", Path.Combine(scratch, "out")]);
            if (code == 0)
                return [];
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.Contains("error", StringComparison.Ordinal))
                .Select(l => l.Replace(copy, manifestPath, StringComparison.Ordinal))
                .ToList();
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

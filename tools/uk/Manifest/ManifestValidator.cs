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
            var log = new CollectedErrors();
            Unikraft.Build.Cli.ResolveCommand.Resolve(copy, repository.Root, [], Path.Combine(scratch, "out"), log);
            return log.Errors.Select(e => e.ToString().Replace(copy, manifestPath, StringComparison.Ordinal)).ToList();
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private sealed class CollectedErrors : Unikraft.Build.Diagnostics.IBuildLog
    {
        public List<Unikraft.Build.Diagnostics.BuildError> Errors { get; } = [];

        public void Error(Unikraft.Build.Diagnostics.BuildError error) => Errors.Add(error);

        public void Message(string text)
        {
        }
    }
}

namespace Unikraft.Cli.Infrastructure;

// Turns the [app] argument into an application folder (one with unikernel.yaml): a path,
// a name under apps/ or tests/apps/, or, with no argument, the current folder.
public static class AppLocator
{
    public static AppDirectory Resolve(string? app)
    {
        if (string.IsNullOrEmpty(app))
        {
            string here = Directory.GetCurrentDirectory();
            if (File.Exists(Path.Combine(here, "unikernel.yaml")))
                return Create(here);
            var repository = Repository.Find();
            throw new UkException($"no application given and no unikernel.yaml in {here}. Name one: {Known(repository)}.");
        }
        if (File.Exists(Path.Combine(app, "unikernel.yaml")))
            return Create(app);
        var repo = Repository.Find();
        foreach (string candidate in new[] { Path.Combine(repo.Root, "apps", app), Path.Combine(repo.Root, "tests/apps", app) })
        {
            if (File.Exists(Path.Combine(candidate, "unikernel.yaml")))
                return Create(candidate);
        }
        throw new UkException($"no application '{app}' (a folder with unikernel.yaml). Applications: {Known(repo)}; or create it: uk new {Path.GetFileName(app)}");
    }

    private static AppDirectory Create(string directory)
    {
        string full = Path.GetFullPath(directory);
        return new AppDirectory(full);
    }

    private static string Known(Repository repository)
    {
        string apps = Path.Combine(repository.Root, "apps");
        var names = Directory.Exists(apps)
            ? Directory.GetDirectories(apps).Where(d => File.Exists(Path.Combine(d, "unikernel.yaml"))).Select(Path.GetFileName).Order()
            : Enumerable.Empty<string?>();
        return string.Join(", ", names);
    }
}

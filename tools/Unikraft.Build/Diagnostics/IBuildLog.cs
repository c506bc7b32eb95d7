namespace Unikraft.Build.Diagnostics;

/// <summary>Where a build step reports: the command line's standard streams, or MSBuild's
/// logger when the step runs as a task.</summary>
public interface IBuildLog
{
    void Error(BuildError error);

    /// <summary>A line about what the step did, shown in detailed builds.</summary>
    void Message(string text);
}

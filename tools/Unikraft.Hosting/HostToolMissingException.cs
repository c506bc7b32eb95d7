namespace Unikraft.Hosting;

/// <summary>A host program that could not be started because it is not installed.</summary>
public sealed class HostToolMissingException(string tool, Exception inner)
    : Exception($"'{tool}' is not installed (or not on PATH).", inner)
{
    public string Tool { get; } = tool;
}

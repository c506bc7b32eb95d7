namespace Unikraft.Build.Manifest;

/// <summary>One entry of the manifest's <c>env:</c> map: a variable the image's program sees in
/// its environment (Environment.GetEnvironmentVariable on the dotnet library).</summary>
public sealed record EnvironmentVariable(string Name, string Value, int Line);

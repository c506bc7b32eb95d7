using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Unikraft.Build.Incremental;

/// <summary>One assembly a library project built, with the item metadata MSBuild gave it.</summary>
public sealed record BuiltReference(string Path, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// What an image's library projects built last time, so that a build in which no library
/// source changed takes their assemblies as they are instead of asking MSBuild to bring each
/// project up to date (about 0.2 s per project, most of a no-change build). The cache is
/// current when it was written for the same projects and build settings (<see cref="Key"/>),
/// every assembly it names still exists, and no file under the library folders is newer
/// than the cache itself.
/// </summary>
public sealed record ReferenceCache(string Key, IReadOnlyList<string> Projects, IReadOnlyList<BuiltReference> References)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
    }

    /// <summary>The cache at path, or null when there is none or it cannot be read (an older
    /// format, a truncated write): the build then brings the projects up to date itself.</summary>
    public static ReferenceCache? Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ReferenceCache>(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when the cache at cachePath can stand in for building projects:
    /// inputFolders are searched (bin/ and obj/ left out), inputFiles checked as they are.
    /// A project outside every input folder (an application's own class library) could
    /// change unseen, so its presence makes the projects build.</summary>
    public bool IsCurrent(string cachePath, string key, IEnumerable<string> projects, IEnumerable<string> inputFolders, IEnumerable<string> inputFiles)
    {
        string[] current = projects.Distinct(StringComparer.Ordinal).ToArray();
        string[] folders = inputFolders.Select(folder => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder)) + System.IO.Path.DirectorySeparatorChar).ToArray();
        if (Key != key || !Projects.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).SequenceEqual(current.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            return false;
        if (!current.All(project => folders.Any(folder => System.IO.Path.GetFullPath(project).StartsWith(folder, StringComparison.Ordinal))))
            return false;
        if (References.Count == 0 || References.Any(reference => !File.Exists(reference.Path)))
            return false;
        DateTime written = File.GetLastWriteTimeUtc(cachePath);
        foreach (string file in inputFiles)
        {
            if (File.Exists(file) && File.GetLastWriteTimeUtc(file) >= written)
                return false;
        }
        return folders.Where(Directory.Exists).All(folder => !HasFileNewerThan(new DirectoryInfo(folder), written));
    }

    private static bool HasFileNewerThan(DirectoryInfo folder, DateTime time)
    {
        foreach (FileSystemInfo entry in folder.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                if (directory.Name is "bin" or "obj" || directory.Name.StartsWith('.'))
                    continue;
                // A file added or removed changes its folder's time.
                if (directory.LastWriteTimeUtc >= time || HasFileNewerThan(directory, time))
                    return true;
            }
            else if (entry.LastWriteTimeUtc >= time)
            {
                return true;
            }
        }
        return false;
    }
}

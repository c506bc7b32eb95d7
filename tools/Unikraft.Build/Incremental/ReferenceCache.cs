using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Unikraft.Build.Incremental;

/// <summary>One assembly a library project built, with the item metadata MSBuild gave it.</summary>
public sealed record BuiltReference(string Path, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// What an image's library projects built last time, so that a build in which no library
/// source changed takes their assemblies as they are instead of asking MSBuild to bring each
/// project up to date (about 0.2 s per project, most of a no-change build). The cache is
/// current when it was written for the same projects and build settings (<see cref="Key"/>),
/// every assembly it names still exists, the library folders hold the same files
/// (<see cref="Inputs"/>: a file added or deleted changes it) and none of them is newer than
/// the cache itself. Folders' own times are not used: building a library creates its bin/
/// and obj/, which changes its folder's time without changing a source.
/// </summary>
public sealed record ReferenceCache(string Key, IReadOnlyList<string> Projects, IReadOnlyList<BuiltReference> References, string Inputs)
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
            ReferenceCache? cache = File.Exists(path) ? JsonSerializer.Deserialize<ReferenceCache>(File.ReadAllText(path)) : null;
            return cache is { Key: not null, Projects: not null, References: not null, Inputs: not null } ? cache : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The files under inputFolders (bin/, obj/ and hidden folders left out) as one
    /// fingerprint of their paths, and the newest one's time.</summary>
    public static (string Fingerprint, DateTime Newest) Scan(IEnumerable<string> inputFolders)
    {
        var files = new List<string>();
        DateTime newest = DateTime.MinValue;
        foreach (string folder in Normalized(inputFolders).Where(Directory.Exists))
            Collect(new DirectoryInfo(folder), files, ref newest);
        files.Sort(StringComparer.Ordinal);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', files)));
        return (Convert.ToHexString(hash), newest);
    }

    /// <summary>True when the cache at cachePath can stand in for building projects:
    /// inputFolders are scanned (see <see cref="Scan"/>), inputFiles checked as they are. A
    /// project outside every input folder (an application's own class library) could change
    /// unseen, so its presence makes the projects build.</summary>
    public bool IsCurrent(string cachePath, string key, IEnumerable<string> projects, IEnumerable<string> inputFolders, IEnumerable<string> inputFiles)
    {
        string[] current = projects.Distinct(StringComparer.Ordinal).ToArray();
        string[] folders = Normalized(inputFolders).ToArray();
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
        (string fingerprint, DateTime newest) = Scan(folders);
        return fingerprint == Inputs && newest < written;
    }

    private static IEnumerable<string> Normalized(IEnumerable<string> folders) =>
        folders.Select(folder => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder)) + System.IO.Path.DirectorySeparatorChar).Distinct(StringComparer.Ordinal);

    private static void Collect(DirectoryInfo folder, List<string> files, ref DateTime newest)
    {
        foreach (FileSystemInfo entry in folder.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                if (directory.Name is not ("bin" or "obj") && !directory.Name.StartsWith('.'))
                    Collect(directory, files, ref newest);
                continue;
            }
            files.Add(entry.FullName);
            if (entry.LastWriteTimeUtc > newest)
                newest = entry.LastWriteTimeUtc;
        }
    }
}

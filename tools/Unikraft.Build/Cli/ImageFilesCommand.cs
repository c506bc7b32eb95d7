using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Generation;

namespace Unikraft.Build.Cli;

/// <summary><c>image-files</c>: the project's files copied to its output directory (path in the
/// image, source file) as generated C# holding them (ImageFilesGenerator). An empty list gives
/// an empty archive: vfscore always finds one.</summary>
public static class ImageFilesCommand
{
    /// <summary>The command line's form: a file of "path-in-image TAB source-file" lines.</summary>
    public static bool Run(string listPath, string outPath, IBuildLog log)
    {
        var entries = new List<(string Path, string Source)>();
        try
        {
            foreach (string line in File.ReadAllLines(listPath))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0)
                {
                    log.Error(new BuildError($"'{listPath}': expected 'path<TAB>source', got '{line}'"));
                    return false;
                }

                entries.Add((line[..tab], line[(tab + 1)..]));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            log.Error(new BuildError(e.Message));
            return false;
        }

        return Run(entries, outPath, log);
    }

    public static bool Run(IReadOnlyList<(string Path, string Source)> entries, string outPath, IBuildLog log)
    {
        try
        {
            var files = new List<(string Path, byte[] Data)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (entryPath, source) in entries)
            {
                string path = entryPath.Replace('\\', '/');
                if (Path.IsPathRooted(path) || Array.Exists(path.Split('/'), part => part is ".." or "." or ""))
                {
                    log.Error(new BuildError($"{source}: its path in the image, '{path}', must be relative, without '.' or '..' (set the item's Link metadata)"));
                    return false;
                }

                if (!seen.Add(path))
                {
                    continue;
                }

                files.Add((path, File.ReadAllBytes(source)));
            }

            byte[] archive = ImageFilesGenerator.Archive(files);
            OutputWriter.WriteIfChanged(outPath, ImageFilesGenerator.Generate(archive, files.Count));
            log.Message($"Unikraft.Build: image-files: {files.Count} file(s), {archive.Length} bytes");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            log.Error(new BuildError(e.Message));
            return false;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Build.Generation;

namespace Unikraft.Build.Cli;

/// <summary><c>image-files</c>: the project's files copied to its output directory (a list of
/// "path-in-image TAB source-file" lines) as generated C# holding them (ImageFilesGenerator).
/// An empty list gives an empty archive: vfscore always finds one.</summary>
public static class ImageFilesCommand
{
    public static int Run(string listPath, string outPath, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var files = new List<(string Path, byte[] Data)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string line in File.ReadAllLines(listPath))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0)
                {
                    stderr.WriteLine($"Unikraft.Build: error: '{listPath}': expected 'path<TAB>source', got '{line}'");
                    return 1;
                }

                string path = line[..tab].Replace('\\', '/');
                string source = line[(tab + 1)..];
                if (Path.IsPathRooted(path) || Array.Exists(path.Split('/'), part => part is ".." or "." or ""))
                {
                    stderr.WriteLine($"Unikraft.Build: error: {source}: its path in the image, '{path}', must be relative, without '.' or '..' (set the item's Link metadata)");
                    return 1;
                }

                if (!seen.Add(path))
                {
                    continue;
                }

                files.Add((path, File.ReadAllBytes(source)));
            }

            byte[] archive = ImageFilesGenerator.Archive(files);
            OutputWriter.WriteIfChanged(outPath, ImageFilesGenerator.Generate(archive, files.Count));
            stdout.WriteLine($"Unikraft.Build: image-files: {files.Count} file(s), {archive.Length} bytes");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"Unikraft.Build: error: {e.Message}");
            return 1;
        }
    }
}

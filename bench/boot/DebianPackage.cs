using System;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Fetches a Debian package with <c>apt-get download</c> (no install, no root needed) and
/// pulls one file out of its data archive via <c>dpkg-deb --fsys-tarfile</c>, so a 400 MB
/// kernel package never has to be unpacked whole.
/// </summary>
public static class DebianPackage
{
    /// <summary>The versioned package a metapackage depends on, e.g. linux-image-amd64 → linux-image-6.1.0-56-amd64.</summary>
    public static string ResolveDependency(string metapackage, string prefix)
    {
        RequireTool("apt-cache");
        var r = ProcessRunner.Run("apt-cache", ["depends", metapackage]);
        var m = Regex.Match(r.StdOut, $@"Depends:\s*({Regex.Escape(prefix)}\S+)");
        if (r.ExitCode != 0 || !m.Success)
            throw new BenchException($"cannot resolve the package behind {metapackage} (apt-cache depends said: {r.StdErr.Trim()}{r.StdOut.Trim()}); run apt-get update.");
        return m.Groups[1].Value;
    }

    /// <summary>Downloads <paramref name="package"/> into <paramref name="dir"/> unless a .deb of it is there already.</summary>
    public static string Download(string package, string dir)
    {
        Directory.CreateDirectory(dir);
        string? existing = Find(package, dir);
        if (existing is not null) return existing;
        RequireTool("apt-get");
        Console.WriteLine($"  cache empty: running 'apt-get download {package}' into {dir}");
        var r = ProcessRunner.Run("apt-get", ["download", package], dir);
        return Find(package, dir)
            ?? throw new BenchException($"apt-get download {package} failed (exit {r.ExitCode}): {r.StdErr.Trim()}");
    }

    /// <summary>Extracts the first member whose path (without the leading "./") matches <paramref name="pattern"/>.</summary>
    public static string ExtractFile(string deb, Regex pattern, string destinationDir)
    {
        RequireTool("dpkg-deb");
        using Process p = ProcessRunner.Start("dpkg-deb", ["--fsys-tarfile", deb]);
        var stderr = p.StandardError.ReadToEndAsync();
        string? extracted = null;
        using (var tar = new TarReader(p.StandardOutput.BaseStream))
        {
            while (tar.GetNextEntry() is TarEntry entry)
            {
                string name = entry.Name.TrimStart('.', '/');
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !pattern.IsMatch(name))
                    continue;
                extracted = Path.Combine(destinationDir, Path.GetFileName(name));
                entry.ExtractToFile(extracted, overwrite: true);
                break;
            }
            // Drain the rest so dpkg-deb does not die of a broken pipe.
            p.StandardOutput.BaseStream.CopyTo(Stream.Null);
        }
        p.WaitForExit();
        return extracted ?? throw new BenchException(
            $"no file matching {pattern} in {deb} (dpkg-deb exit {p.ExitCode}: {stderr.Result.Trim()})");
    }

    static string? Find(string package, string dir) =>
        Directory.EnumerateFiles(dir, $"{package}_*.deb").OrderDescending().FirstOrDefault();

    static void RequireTool(string tool)
    {
        if (ProcessRunner.Which(tool) is null)
            throw new BenchException($"{tool} not found; the Linux baseline needs a Debian/Ubuntu host with apt and dpkg.");
    }
}

using System.Globalization;

namespace Unikraft.Fs.Tests;

// mkfs.fat, mtools and fsck.fat on the host: the tests check our FAT code against them.
public static class HostTools
{
    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var run = Unikraft.Hosting.HostProcess.Run(program, arguments, TimeSpan.FromMinutes(2),
            environment: new Dictionary<string, string> { ["MTOOLS_SKIP_CHECK"] = "1" });
        return (run.ExitCode, run.StandardOutput + run.StandardError);
    }

    public static string Find(string name)
    {
        foreach (string dir in new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" })
        {
            string path = Path.Combine(dir, name);
            if (File.Exists(path))
                return path;
        }
        throw new InvalidOperationException(name + " is not installed (apt-get install dosfstools mtools)");
    }

    // A fresh image file of the given size in MiB, formatted FAT16 or FAT32.
    public static string MakeImage(int fatBits, int megabytes, int sectorsPerCluster = 0)
    {
        string path = Path.Combine(Path.GetTempPath(), "ukfs-" + Guid.NewGuid().ToString("N") + ".img");
        var args = new List<string> { "-C", "-F", fatBits.ToString(CultureInfo.InvariantCulture) };
        if (sectorsPerCluster > 0)
        {
            args.Add("-s");
            args.Add(sectorsPerCluster.ToString(CultureInfo.InvariantCulture));
        }
        args.Add(path);
        args.Add((megabytes * 1024).ToString(CultureInfo.InvariantCulture));
        var (code, output) = Run(Find("mkfs.fat"), args.ToArray());
        Assert.True(code == 0, "mkfs.fat failed: " + output);
        return path;
    }

    public static void Copy(string image, string hostFile, string target)
    {
        var (code, output) = Run("mcopy", "-i", image, hostFile, "::" + target);
        Assert.True(code == 0, "mcopy failed: " + output);
    }

    public static void CopyBytes(string image, byte[] content, string target)
    {
        string temp = Path.GetTempFileName();
        File.WriteAllBytes(temp, content);
        Copy(image, temp, target);
        File.Delete(temp);
    }

    public static void MakeDirectory(string image, string target)
    {
        var (code, output) = Run("mmd", "-i", image, "::" + target);
        Assert.True(code == 0, "mmd failed: " + output);
    }

    public static byte[] Type(string image, string target)
    {
        string temp = Path.GetTempFileName();
        var (code, output) = Run("mcopy", "-o", "-i", image, "::" + target, temp);
        Assert.True(code == 0, "mcopy from the image failed: " + output);
        byte[] bytes = File.ReadAllBytes(temp);
        File.Delete(temp);
        return bytes;
    }

    public static string Dir(string image, string target)
    {
        var (code, output) = Run("mdir", "-a", "-i", image, "::" + target);
        Assert.True(code == 0, "mdir failed: " + output);
        return output;
    }

    // What fsck.fat may say after a power cut in the middle of growing or shrinking a file:
    // space nobody points to, a chain longer than its file's size, the second FAT copy one
    // entry behind the first (the copies are written one after the other; fsck and fatfs
    // both go by the first), FAT32's free count left unknown. It repairs these without
    // touching any file's data. Anything else (cross-links, chains shorter than a size, bad
    // entries) is damage.
    private static readonly string[] HarmlessFsckLines =
    [
        "fsck.fat ", "Reclaimed ", "Free cluster summary uninitialized", "FATs differ but appear to be intact",
        "Using first FAT", "Leaving filesystem unchanged", "File size is ", "Truncating file to ", "files, ",
    ];

    // fsck.fat -n: clean (exit 0), only repairable-without-loss findings, or damage.
    public static (bool Clean, bool Harmless, string Output) Fsck(string image)
    {
        var (code, output) = Run(Find("fsck.fat"), "-n", image);
        if (code == 0)
            return (true, true, output);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Lines naming a file ("/kv.log") introduce the finding on the next line.
        bool harmless = lines.All(line => line.StartsWith('/') || HarmlessFsckLines.Any(line.StartsWith));
        return (false, harmless, output);
    }

    public static void AssertFsckClean(string image)
    {
        var (code, output) = Run(Find("fsck.fat"), "-n", image);
        Assert.True(code == 0, "fsck.fat -n found problems:\n" + output);
    }
}

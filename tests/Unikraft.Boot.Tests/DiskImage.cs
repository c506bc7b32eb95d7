namespace Unikraft.Boot.Tests;

// A raw disk image file for one test, deleted afterwards, and the QEMU arguments that
// attach it as a virtio-blk PCI device, as a SATA disk on an AHCI port or as an NVMe
// controller's namespace.
internal sealed class DiskImage : IDisposable
{
    public DiskImage(long bytes)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "uk-disk-" + Guid.NewGuid().ToString("N") + ".img");
        using var file = File.Create(Path);
        file.SetLength(bytes);
    }

    public string Path { get; }

    // deviceOptions: e.g. ",disable-legacy=on" (modern only) or ",disable-modern=on" (legacy).
    public string[] VirtioBlk(string id, string deviceOptions = "", bool readOnly = false) =>
        ["-drive", "file=" + Path + ",if=none,id=" + id + ",format=raw" + (readOnly ? ",readonly=on" : ""),
         "-device", "virtio-blk-pci,drive=" + id + deviceOptions];

    // A SATA disk on an AHCI port: q35's built-in controller has buses ide.0 to ide.5; with
    // AhciController on another machine they are ahci.0 to ahci.5.
    public string[] Ahci(string id, string bus = "ide.0") => AhciDisk(Path, id, bus);

    public static string[] AhciDisk(string path, string id, string bus = "ide.0") =>
        ["-drive", "file=" + path + ",if=none,id=" + id + ",format=raw", "-device", "ide-hd,drive=" + id + ",bus=" + bus];

    // An NVMe controller (QEMU's -device nvme) with the image as its namespace 1.
    public string[] Nvme(string id, string serial = "uk-nvme-0") => NvmeDisk(Path, id, serial);

    public static string[] NvmeDisk(string path, string id, string serial = "uk-nvme-0", string driveOptions = "") =>
        ["-drive", "file=" + path + ",if=none,id=" + id + ",format=raw" + driveOptions, "-device", "nvme,drive=" + id + ",serial=" + serial];

    // q35, whose ICH9 south bridge brings an AHCI controller at 00:1f.2.
    public static readonly string[] Q35 = ["-machine", "q35"];

    // QEMU's ich9-ahci as a PCI card (on the default i440fx machine), buses ahci.0 to ahci.5.
    public static readonly string[] AhciController = ["-device", "ahci,id=ahci"];

    public byte[] Read(long offset, int count)
    {
        using var file = File.OpenRead(Path);
        file.Position = offset;
        var buffer = new byte[count];
        file.ReadExactly(buffer);
        return buffer;
    }

    public void Write(long offset, byte[] data)
    {
        using var file = File.OpenWrite(Path);
        file.Position = offset;
        file.Write(data);
    }

    public void Dispose() => File.Delete(Path);
}

namespace Unikraft.Boot.Tests;

// A raw disk image file for one test, deleted afterwards, and the QEMU arguments that
// attach it as a virtio-blk PCI device.
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

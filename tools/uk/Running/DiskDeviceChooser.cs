namespace Unikraft.Cli.Running;

// The QEMU devices `uk run --disk` attaches the disk (drive d0) with: the controller the
// image's block driver drives (the first block library in the manifest), so an image built
// with ahci or nvme is not handed a virtio disk it has no driver for.
public static class DiskDeviceChooser
{
    public static readonly string[] Default = ["virtio-blk-pci,drive=d0"];

    private static readonly (string Library, string[] Devices)[] Drivers =
    [
        ("virtio-blk", Default),
        ("ahci", ["ahci,id=sata", "ide-hd,drive=d0,bus=sata.0"]),
        ("nvme", ["nvme,drive=d0,serial=uk-disk-0"]),
    ];

    public static string[] For(IEnumerable<string> libraries)
    {
        foreach (string library in libraries)
        {
            foreach ((string name, string[] devices) in Drivers)
            {
                if (name == library)
                    return devices;
            }
        }
        return Default;
    }
}

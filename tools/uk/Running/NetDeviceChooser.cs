namespace Unikraft.Cli.Running;

// The QEMU NIC `uk run --net user` gives a guest: the one the image's network driver drives
// (the first NIC library in the manifest), so an image built with e1000 or vmxnet3 is not
// handed a virtio NIC it has no driver for.
public static class NetDeviceChooser
{
    public const string Default = "virtio-net-pci";

    private static readonly (string Library, string Device)[] Drivers =
    [
        ("virtio-net", "virtio-net-pci"),
        ("e1000", "e1000"),
        ("vmxnet3", "vmxnet3"),
    ];

    public static string For(IEnumerable<string> libraries)
    {
        foreach (string library in libraries)
        {
            foreach ((string name, string device) in Drivers)
            {
                if (name == library)
                    return device;
            }
        }
        return Default;
    }
}

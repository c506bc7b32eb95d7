using System.Globalization;
using System.Text;

namespace Unikraft.Cli.Packaging;

// The .vmx that `uk image --format vmdk` writes beside the disk, so VMware Workstation or
// Player opens the image as it is: UEFI firmware (Secure Boot off: the image's GRUB is not
// signed), the disk on a SATA controller, the NIC the image has a driver for, and the serial
// console written to a file next to the machine.
public static class VmwareMachine
{
    // Workstation 14 / ESXi 6.7 and later: every device below exists there.
    public const int HardwareVersion = 14;

    // VMware's UEFI firmware itself needs more than the smallest images do.
    public const long SmallestMemoryMiB = 128;

    // The VMware NIC an image drives, or null when it has no driver for one (virtio-net is
    // not a VMware device).
    public static string? NicFor(IEnumerable<string> libraries)
    {
        var names = libraries.ToHashSet(StringComparer.Ordinal);
        if (names.Contains("vmxnet3"))
            return "vmxnet3";
        return names.Contains("e1000") ? "e1000e" : null;
    }

    public static string Describe(string name, string diskFileName, long memoryMiB, string? nic)
    {
        long memory = Math.Max(SmallestMemoryMiB, (memoryMiB + 3) / 4 * 4);
        var lines = new List<(string Key, string Value)>
        {
            (".encoding", "UTF-8"),
            ("config.version", "8"),
            ("virtualHW.version", HardwareVersion.ToString(CultureInfo.InvariantCulture)),
            ("displayName", name),
            ("guestOS", "other-64"),
            ("firmware", "efi"),
            ("uefi.secureBoot.enabled", "FALSE"),
            ("memsize", memory.ToString(CultureInfo.InvariantCulture)),
            ("numvcpus", "1"),
            // PCIe root ports: where VMware puts the e1000e and vmxnet3.
            ("pciBridge0.present", "TRUE"),
            ("pciBridge4.present", "TRUE"),
            ("pciBridge4.virtualDev", "pcieRootPort"),
            ("pciBridge4.functions", "8"),
            ("sata0.present", "TRUE"),
            ("sata0:0.present", "TRUE"),
            ("sata0:0.fileName", diskFileName),
            ("serial0.present", "TRUE"),
            ("serial0.fileType", "file"),
            ("serial0.fileName", name + "-serial.log"),
            ("serial0.yieldOnMsrRead", "TRUE"),
        };
        if (nic is not null)
        {
            lines.Add(("ethernet0.present", "TRUE"));
            lines.Add(("ethernet0.virtualDev", nic));
            lines.Add(("ethernet0.connectionType", "nat"));
            lines.Add(("ethernet0.addressType", "generated"));
        }
        var text = new StringBuilder();
        foreach ((string key, string value) in lines)
            text.Append(key).Append(" = \"").Append(Escape(value)).Append("\"\n");
        return text.ToString();
    }

    // VMware's configuration files escape a quote or a bar as |XX (hex).
    private static string Escape(string value) =>
        value.Replace("|", "|7C", StringComparison.Ordinal).Replace("\"", "|22", StringComparison.Ordinal);
}

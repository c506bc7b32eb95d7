using System.Linq;

namespace Unikraft.Bench.Blk;

// One emulated disk controller the bench runs on: the QEMU devices (both sides get the same),
// the unikernel image built for it and the disk's name there, and the Linux modules (in
// load order) and device node for the same disk.
public sealed record BenchDevice(string Name, string[] QemuDevices, string GuestFolder, string GuestImage, string GuestDisk, string[] LinuxModules, string LinuxDisk)
{
    public static readonly BenchDevice[] All =
    [
        new("virtio-blk", ["virtio-blk-pci,drive=d0"], "guest", "blk-bench", "vda",
            ["virtio_ring", "virtio", "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_pci", "virtio_blk"], "/dev/vda"),
        // nvme-core needs t10-pi for protection information, which needs the CRC helpers.
        new("nvme", ["nvme,drive=d0,serial=blkbench"], "guest-nvme", "blk-bench-nvme", "nvme0n1",
            ["crct10dif_common", "crct10dif_generic", "crc-t10dif", "crc64", "crc64_rocksoft_generic", "crc64-rocksoft", "t10-pi", "nvme-core", "nvme"], "/dev/nvme0n1"),
        // A SATA disk on an AHCI controller (VMware's SATA and most PCs); sd_mod needs
        // t10-pi as nvme-core does, libata the SCSI core.
        new("ahci", ["ahci,id=sata", "ide-hd,drive=d0,bus=sata.0"], "guest-ahci", "blk-bench-ahci", "sda",
            ["crct10dif_common", "crct10dif_generic", "crc-t10dif", "crc64", "crc64_rocksoft_generic", "crc64-rocksoft", "t10-pi",
             "scsi_common", "scsi_mod", "sd_mod", "libata", "libahci", "ahci"], "/dev/sda"),
    ];

    public string Describe() => string.Join(' ', QemuDevices.Select(d => "-device " + d));
}

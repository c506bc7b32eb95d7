using Uk.BlkDev;
using Uk.Core;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Ahci;

// Claims every AHCI controller on the bus (class 01, subclass 06, interface 01: QEMU's
// ich9-ahci, VMware's SATA controller, the SATA ports of most PCs) and registers each SATA
// disk on it as sda, sdb, ... in bus and port order. ATAPI drives and port multipliers are
// left alone.
public static class AhciLibrary
{
    private const int StorageClass = 0x01;
    private const int SataSubclass = 0x06;
    private const byte AhciInterface = 0x01;
    private const int AbarIndex = 5;
    private const ulong AbarMinimumBytes = AhciRegisters.PortsBase + AhciRegisters.PortStride;

    private static int s_disks;

    public static void Initialize() =>
        PciBus.RegisterDriver("ahci", PciDriverMatch.Class(StorageClass, SataSubclass), Probe);

    private static bool Probe(PciDevice device)
    {
        if (device.ProgrammingInterface != AhciInterface)
            return false;
        string at = device.Address.ToString();
        // Sizing the BARs pauses decoding, so do it before the device is enabled.
        PciBar abar = device.Bars[AbarIndex];
        if (!abar.IsMemory || abar.Size < AbarMinimumBytes || !Reachable(abar))
        {
            Log.Warn("ahci: " + at + ": BAR 5 is not a register window the kernel can reach (" + abar.ToString() + ")");
            return false;
        }
        device.Enable(busMaster: true, legacyInterrupts: AhciOptions.Interrupts);
        var controller = new AhciController(new MmioRegisters(abar.Address));
        if (!controller.Reset())
        {
            Log.Warn("ahci: " + at + ": the HBA did not come out of reset");
            return false;
        }
        string signal = AhciOptions.Interrupts ? AttachInterrupt(device, controller) : "polled";
        bool interrupts = signal != "polled";
        Log.Info("ahci: " + at + ": AHCI " + controller.Version + ", " + controller.CommandSlots.ToString() + " command slots, ports 0x"
            + controller.PortsImplemented.ToString("x") + ", " + signal);
        for (int port = 0; port < AhciRegisters.MaximumPorts; port++)
        {
            if (controller.IsImplemented(port) && controller.HasLink(port))
                AddDisk(controller, port, at, interrupts, signal);
        }
        if (interrupts)
            controller.EnableInterrupts();
        return true;
    }

    private static void AddDisk(AhciController controller, int index, string at, bool interrupts, string signal)
    {
        string where = "ahci: " + at + " port " + index.ToString();
        PortMemory? memory = PortMemory.Allocate();
        if (memory is null)
        {
            Log.Warn(where + ": no memory for the command list");
            return;
        }
        var port = new AhciPort(controller.Registers, index, memory, interrupts);
        if (!port.Start())
        {
            Log.Warn(where + ": the port would not start");
            return;
        }
        uint signature = port.Signature;
        if (signature != AhciRegisters.SignatureAta)
        {
            Log.Info(where + ": " + (signature == AhciRegisters.SignatureAtapi ? "ATAPI drive" : "device with signature 0x" + signature.ToString("x8")) + " left alone");
            return;
        }
        IdentifyData? identity = DiskIdentification.Run(port, out string refusal);
        if (identity is null)
        {
            Log.Warn(where + ": " + refusal);
            return;
        }
        string name = "sd" + (char)('a' + s_disks);
        var disk = new AhciDisk(name, port, identity) { UsesInterrupts = interrupts };
        controller.Attach(disk);
        s_disks++;
        BlockDevices.Register(disk);
        Log.Info("ahci: " + name + " at " + at + " port " + index.ToString() + ", " + (identity.Model.Length > 0 ? identity.Model : "unnamed disk") + ", "
            + identity.SectorCount.ToString() + " sectors of " + identity.SectorSize.ToString() + " bytes"
            + (identity.HasFlushExt ? ", flush" : "") + (identity.WriteCacheEnabled ? ", write cache" : "") + ", " + signal);
    }

    // One controller interrupt for all its ports: an MSI vector of its own where the function
    // and the machine have one, else the INTx line the firmware routed (possibly shared).
    // How it is signalled, for the log, or "polled" when neither is there.
    private static string AttachInterrupt(PciDevice device, AhciController controller)
    {
        PciMsi? msi = PciMsi.Open(device);
        int vector = msi is null ? -1 : msi.Attach(controller.OnInterrupt);
        if (vector >= 0)
            return "msi vector 0x" + vector.ToString("x2");
        return PciInterrupts.AttachLegacy(device, controller.OnInterrupt) ? "irq " + device.InterruptLine.ToString() : "polled";
    }

    // The first 4 GiB are identity-mapped; a BAR the firmware put higher is mapped 1:1 too.
    private static bool Reachable(PciBar bar)
    {
        if (bar.Address + bar.Size <= 0x1_0000_0000UL)
            return true;
        IAddressSpace? space = Kernel.AddressSpace;
        return space is not null && space.Map(bar.Address, bar.Address, bar.Size, PageRights.Writable | PageRights.CacheDisabled);
    }
}

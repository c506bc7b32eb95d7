using System;
using Uk.BlkDev;
using Uk.Core;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Nvme;

// Claims every NVMe controller on the bus (class 01, subclass 08, interface 02: QEMU's
// -device nvme, the M.2 and U.2 disks of current PCs) and registers namespace 1 of each as
// nvme0n1, nvme1n1, ... in bus order, the names Linux gives them.
public static class NvmeLibrary
{
    private const int StorageClass = 0x01;
    private const int NonVolatileMemorySubclass = 0x08;
    private const byte NvmeInterface = 0x02;
    private const int RegistersBar = 0;
    private const ulong RegistersMinimumBytes = NvmeRegisters.Doorbells + 16;

    private static int s_controllers;

    public static void Initialize() =>
        PciBus.RegisterDriver("nvme", PciDriverMatch.Class(StorageClass, NonVolatileMemorySubclass), Probe);

    private static bool Probe(PciDevice device)
    {
        if (device.ProgrammingInterface != NvmeInterface)
            return false;
        string at = device.Address.ToString();
        // Sizing the BARs pauses decoding, so do it before the device is enabled.
        PciBar bar = device.Bars[RegistersBar];
        if (!bar.IsMemory || bar.Size < RegistersMinimumBytes || !Reachable(bar))
        {
            Log.Warn("nvme: " + at + ": BAR 0 is not a register window the kernel can reach (" + bar.ToString() + ")");
            return false;
        }
        device.Enable(busMaster: true, legacyInterrupts: NvmeOptions.Interrupts);
        // The interrupt goes up before the I/O queues are made: QEMU (7.2) only signals an
        // MSI-X vector that was enabled when the completion queue using it was created.
        var registers = new MmioRegisters(bar.Address);
        var relay = new InterruptRelay(registers);
        string signal = NvmeOptions.Interrupts ? AttachInterrupt(device, relay) : "polled";
        var controller = new NvmeController(registers, signal != "polled", relay.MaskDuringSetup);
        if (!controller.Start(out string refusal))
        {
            Log.Warn("nvme: " + at + ": " + refusal);
            return false;
        }
        IoQueue? queue = IoQueue.Create(controller);
        if (queue is null)
        {
            Log.Warn("nvme: " + at + ": no memory for the PRP list");
            return false;
        }
        NvmeIdentity identity = controller.Identity!;
        string name = "nvme" + s_controllers.ToString() + "n1";
        var disk = new NvmeDisk(name, queue, identity) { UsesInterrupts = signal != "polled" };
        relay.Attach(disk);
        s_controllers++;
        BlockDevices.Register(disk);
        Log.Info("nvme: " + name + " at " + at + ", NVMe " + controller.Version + ", " + (identity.Model.Length > 0 ? identity.Model : "unnamed")
            + " serial " + identity.Serial + ", " + identity.SectorCount.ToString() + " sectors of " + identity.SectorSize.ToString() + " bytes"
            + (identity.HasWriteCache ? ", write cache" : "") + (identity.IsReadOnly ? ", read-only" : "")
            + ", " + controller.Io!.Entries.ToString() + " queue entries, " + signal);
        return true;
    }

    // The controller's interrupt vector 0, which the I/O completion queue uses: an MSI-X
    // entry where the function has a table, else an MSI message, else the INTx line the
    // firmware routed (possibly shared). How it is signalled, for the log, or "polled" when
    // none is there. MSI and INTx are masked with INTMS during set-up (MSI-X must not be).
    private static string AttachInterrupt(PciDevice device, InterruptRelay relay)
    {
        Action handler = relay.OnInterrupt;
        PciMsiX? msix = PciMsiX.Open(device);
        if (msix is not null)
        {
            msix.Enable();
            int entry = msix.Attach(0, handler);
            if (entry >= 0)
                return "msi-x vector 0x" + entry.ToString("x2");
            msix.Disable();
        }
        relay.MaskDuringSetup = true;
        PciMsi? msi = PciMsi.Open(device);
        int vector = msi is null ? -1 : msi.Attach(handler);
        if (vector >= 0)
            return "msi vector 0x" + vector.ToString("x2");
        if (PciInterrupts.AttachLegacy(device, handler))
            return "irq " + device.InterruptLine.ToString();
        relay.MaskDuringSetup = false;
        return "polled";
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

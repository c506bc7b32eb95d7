using System;
using Uk.Core;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Xhci;

// Claims every xHCI controller on the bus (class 0C, subclass 03, interface 30: QEMU's
// qemu-xhci and nec-usb-xhci, the USB ports of current PCs), sets up the boot keyboards on
// its root ports and adds them as one console input. Other devices and hubs are skipped with
// a line each; a controller or device that misbehaves gets a line, never a panic.
public static class XhciLibrary
{
    private const int SerialBusClass = 0x0C;
    private const int UsbSubclass = 0x03;
    private const byte XhciInterface = 0x30;
    private const int RegistersBar = 0;
    private const ulong RegistersMinimumBytes = 0x1000;

    public static void Initialize() =>
        PciBus.RegisterDriver("xhci", PciDriverMatch.Class(SerialBusClass, UsbSubclass), Probe);

    private static bool Probe(PciDevice device)
    {
        if (device.ProgrammingInterface != XhciInterface)
            return false;
        string at = device.Address.ToString();
        PciBar bar = device.Bars[RegistersBar];
        if (!bar.IsMemory || bar.Size < RegistersMinimumBytes || !Reachable(bar))
        {
            Log.Warn("xhci: " + at + ": BAR 0 is not a register window the kernel can reach (" + bar.ToString() + ")");
            return false;
        }
        device.Enable(busMaster: true, legacyInterrupts: XhciOptions.Interrupts);
        var controller = new XhciController(new MmioRegisters(bar.Address));
        if (!controller.Start(out string refusal))
        {
            Log.Warn("xhci: " + at + ": " + refusal);
            return false;
        }
        UsbKeyboard[] keyboards = AttachKeyboards(controller, at);
        string signal = "polled";
        if (keyboards.Length > 0)
        {
            for (int i = 0; i < keyboards.Length; i++)
                keyboards[i].Listen();
            var input = new UsbKeyboardInput(controller, keyboards);
            if (XhciOptions.Interrupts)
                signal = AttachInterrupt(device, input.OnInterrupt);
            input.WantsInterrupts = signal != "polled";
            ConsoleInput.Register(input);
        }
        Log.Info("xhci: " + at + ", xHCI " + controller.Version + ", " + controller.PortCount.ToString() + " ports, "
            + keyboards.Length.ToString() + (keyboards.Length == 1 ? " keyboard" : " keyboards") + ", " + signal);
        return true;
    }

    // Interrupter 0's vector: an MSI-X entry where the function has a table, else an MSI
    // message, else the INTx line the firmware routed (possibly shared). How it is signalled,
    // for the log, or "polled" when none is there. The controller raises nothing until the
    // input's Start enables its interrupter.
    private static string AttachInterrupt(PciDevice device, Action handler)
    {
        PciMsiX? msix = PciMsiX.Open(device);
        if (msix is not null)
        {
            msix.Enable();
            int entry = msix.Attach(0, handler);
            if (entry >= 0)
                return "msi-x vector 0x" + entry.ToString("x2");
            msix.Disable();
        }
        PciMsi? msi = PciMsi.Open(device);
        int vector = msi is null ? -1 : msi.Attach(handler);
        if (vector >= 0)
            return "msi vector 0x" + vector.ToString("x2");
        if (PciInterrupts.AttachLegacy(device, handler))
            return "irq " + device.InterruptLine.ToString();
        return "polled";
    }

    // A keyboard on each connected root port that holds one, a log line for every other.
    private static UsbKeyboard[] AttachKeyboards(XhciController controller, string at)
    {
        controller.WaitForConnections(XhciOptions.PortSettleMs);
        var found = new UsbKeyboard[controller.PortCount];
        int count = 0;
        for (int port = 1; port <= controller.PortCount && count < controller.SlotCount; port++)
        {
            if ((controller.ReadPort(port) & XhciRegisters.PortConnected) == 0)
                continue;
            UsbKeyboard? keyboard = UsbKeyboard.Attach(controller, port, out string refusal);
            if (keyboard is null)
            {
                Log.Info("xhci: " + at + " port " + port.ToString() + ": " + refusal + "; skipped");
                continue;
            }
            Log.Info("xhci: " + at + " port " + port.ToString() + ": boot keyboard, " + keyboard.SpeedName + ", slot " + keyboard.Slot.ToString()
                + ", interface " + keyboard.Interface.InterfaceNumber.ToString() + ", endpoint 0x" + keyboard.Interface.EndpointAddress.ToString("x2"));
            found[count++] = keyboard;
        }
        var keyboards = new UsbKeyboard[count];
        for (int i = 0; i < count; i++)
            keyboards[i] = found[i];
        return keyboards;
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

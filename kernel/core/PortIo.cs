using System.Runtime.InteropServices;

namespace Uk.Core;

// x86 I/O ports, the hardware seam of the legacy devices (UART, VGA cursor, PIC, PIT).
public static class PortIo
{
    [DllImport("*", EntryPoint = "ukplat_outb"), SuppressGCTransition]
    public static extern void Write8(ushort port, byte value);

    [DllImport("*", EntryPoint = "ukplat_outw"), SuppressGCTransition]
    public static extern void Write16(ushort port, ushort value);

    [DllImport("*", EntryPoint = "ukplat_outd"), SuppressGCTransition]
    public static extern void Write32(ushort port, uint value);

    [DllImport("*", EntryPoint = "ukplat_inb"), SuppressGCTransition]
    public static extern byte Read8(ushort port);

    [DllImport("*", EntryPoint = "ukplat_inw"), SuppressGCTransition]
    public static extern ushort Read16(ushort port);

    [DllImport("*", EntryPoint = "ukplat_ind"), SuppressGCTransition]
    public static extern uint Read32(ushort port);
}

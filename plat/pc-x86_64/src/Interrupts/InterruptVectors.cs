namespace Uk.Plat.PcX86_64;

// The vector plan: CPU exceptions 0-31, the remapped 8259 PICs 0x20-0x2F (masked unless
// there is no I/O APIC), I/O APIC inputs from 0x30 (GSI n at 0x30 + n), the local APIC timer
// up to 0xBF, message-signalled interrupts (PCI MSI-X) 0xC0-0xEF, the local APIC timer at
// 0xF0 and its spurious vector at 0xFF.
public static class InterruptVectors
{
    public const int PicBase = 0x20;
    public const int IoApicBase = 0x30;
    public const int IoApicLast = 0xBF;
    public const int MessageBase = 0xC0;
    public const int MessageLast = 0xEF;
    public const int Timer = 0xF0;
    public const int Spurious = 0xFF;
}

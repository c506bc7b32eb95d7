namespace Uk.Plat.PcX86_64.Apic;

// The two cascaded 8259s. Remapped off the CPU exception vectors and fully masked at start;
// with an I/O APIC in use they stay masked for good.
public sealed class LegacyPic
{
    public const int IrqCount = 16;
    private const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xA0, SlaveData = 0xA1;
    private const ushort DelayPort = 0x80;
    private const byte InitWithIcw4 = 0x11, Mode8086 = 0x01, EndOfInterruptCommand = 0x20, ReadInServiceCommand = 0x0B;
    private const int CascadeIrq = 2;

    private readonly IPortIo _ports;

    public LegacyPic(IPortIo ports, byte vectorBase)
    {
        _ports = ports;
        VectorBase = vectorBase;
        // ICW1-4: start initialisation, vector bases, the slave on the master's IRQ 2, 8086 mode.
        Command(MasterCommand, InitWithIcw4);
        Command(SlaveCommand, InitWithIcw4);
        Command(MasterData, vectorBase);
        Command(SlaveData, (byte)(vectorBase + 8));
        Command(MasterData, 1 << CascadeIrq);
        Command(SlaveData, CascadeIrq);
        Command(MasterData, Mode8086);
        Command(SlaveData, Mode8086);
        Masks = 0xFFFF;
        WriteMasks();
    }

    public byte VectorBase { get; }

    // Bit n set: IRQ n masked.
    public ushort Masks { get; private set; }

    public void Mask(int irq)
    {
        Masks |= (ushort)(1 << irq);
        WriteMasks();
    }

    // An IRQ of the slave also needs the master's cascade input open.
    public void Unmask(int irq)
    {
        Masks &= (ushort)~(1 << irq);
        if (irq >= 8)
            Masks &= unchecked((ushort)~(1 << CascadeIrq));
        WriteMasks();
    }

    public void MaskAll()
    {
        Masks = 0xFFFF;
        WriteMasks();
    }

    public void EndOfInterrupt(int irq)
    {
        if (irq >= 8)
            _ports.Write8(SlaveCommand, EndOfInterruptCommand);
        _ports.Write8(MasterCommand, EndOfInterruptCommand);
    }

    // IRQ 7 and 15 also arrive when a request vanished before the CPU took it; then the
    // in-service bit is clear and the handler must not end it. A spurious IRQ 15 did go
    // through the master's cascade input, so the master's EOI is sent here.
    public bool IsSpurious(int irq)
    {
        if (irq != 7 && irq != 15)
            return false;
        ushort command = irq == 7 ? MasterCommand : SlaveCommand;
        _ports.Write8(command, ReadInServiceCommand);
        bool inService = (_ports.Read8(command) & 0x80) != 0;
        if (!inService && irq == 15)
            _ports.Write8(MasterCommand, EndOfInterruptCommand);
        return !inService;
    }

    private void WriteMasks()
    {
        _ports.Write8(MasterData, (byte)Masks);
        _ports.Write8(SlaveData, (byte)(Masks >> 8));
    }

    // Old 8259s need a moment between initialisation words; a write to port 0x80 gives it.
    private void Command(ushort port, byte value)
    {
        _ports.Write8(port, value);
        _ports.Write8(DelayPort, 0);
    }
}

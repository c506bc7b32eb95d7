namespace Uk.Plat.PcX86_64.Time;

// Measures the TSC against the PIT's channel 2, which counts at a fixed 1.193182 MHz on every
// PC. Channel 2 is gated by port 0x61 and shows its output there, so no interrupt is needed.
public static class PitCalibration
{
    public const ulong PitHz = 1_193_182;
    private const ushort Channel2Data = 0x42, ModeCommand = 0x43, SpeakerControl = 0x61;
    private const byte Channel2OneShotBinary = 0b10_11_000_0; // channel 2, low then high byte, mode 0
    // Far more port reads than a 54 ms count takes (about 1 us each on hardware, less
    // emulated), yet a machine without a PIT gives up within seconds.
    private const int MaxPolls = 2_000_000;
    private const byte GateBit = 0x01, SpeakerBit = 0x02, OutputBit = 0x20;

    // Counts TSC ticks over `milliseconds` of PIT time (at most 54); 0 if channel 2's output
    // never rises, as on machines without a PIT.
    public static ulong TscHz(IPortIo ports, ICpu cpu, int milliseconds)
    {
        ushort count = (ushort)(PitHz * (ulong)milliseconds / 1000);
        byte control = ports.Read8(SpeakerControl);
        ports.Write8(SpeakerControl, (byte)(control & ~(GateBit | SpeakerBit)));
        ports.Write8(ModeCommand, Channel2OneShotBinary);
        ports.Write8(Channel2Data, (byte)count);
        ports.Write8(Channel2Data, (byte)(count >> 8));

        // Raising the gate starts the count; the output goes high when it reaches 0.
        ports.Write8(SpeakerControl, (byte)((control & ~SpeakerBit) | GateBit));
        ulong start = cpu.ReadTimestampCounter();
        bool risen = false;
        for (int poll = 0; poll < MaxPolls && !risen; poll++)
            risen = (ports.Read8(SpeakerControl) & OutputBit) != 0;
        ulong elapsed = cpu.ReadTimestampCounter() - start;
        ports.Write8(SpeakerControl, control);
        if (!risen)
            return 0;
        return Ratio.Scale(elapsed, PitHz, count);
    }
}

using Uk.Drivers.Acpi;
using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic.Controllers;

// One I/O APIC: a redirection entry per pin sends that pin's GSI to a local APIC as a vector.
// Registers are reached through an index (IOREGSEL) and a data window (IOWIN).
public sealed class IoApic
{
    private const uint SelectOffset = 0x00, WindowOffset = 0x10;
    private const uint RegisterId = 0x00, RegisterVersion = 0x01, RegisterRedirectionBase = 0x10;
    private const uint EntryActiveLow = 1u << 13, EntryLevel = 1u << 15, EntryMasked = 1u << 16;

    private readonly IMmio _mmio;

    // Masks every pin: firmware may leave entries routed.
    public IoApic(IMmio mmio, byte id, ulong address, uint gsiBase)
    {
        _mmio = mmio;
        Id = id;
        Address = address;
        GsiBase = gsiBase;
        PinCount = (int)((Read(RegisterVersion) >> 16) & 0xFF) + 1;
        for (int pin = 0; pin < PinCount; pin++)
            WriteEntry(pin, EntryMasked, 0);
    }

    public byte Id { get; }

    public ulong Address { get; }

    public uint GsiBase { get; }

    public int PinCount { get; }

    public uint Version => Read(RegisterVersion) & 0xFF;

    public bool Handles(uint gsi) => gsi >= GsiBase && gsi - GsiBase < (uint)PinCount;

    // Fixed delivery to one local APIC in physical destination mode. Conforming signalling
    // means ISA's: active high, edge. The entry stays masked until Unmask when masked is set.
    public void Route(uint gsi, byte vector, InterruptPolarity polarity, InterruptTrigger trigger, byte destinationApicId, bool masked = false)
    {
        uint low = vector;
        if (polarity == InterruptPolarity.ActiveLow)
            low |= EntryActiveLow;
        if (trigger == InterruptTrigger.Level)
            low |= EntryLevel;
        if (masked)
            low |= EntryMasked;
        WriteEntry(Pin(gsi), low, (uint)destinationApicId << 24);
    }

    public void Mask(uint gsi) => SetMasked(Pin(gsi), true);

    public void Unmask(uint gsi) => SetMasked(Pin(gsi), false);

    public ulong ReadEntry(uint gsi)
    {
        int pin = Pin(gsi);
        return Read(RedirectionLow(pin)) | (ulong)Read(RedirectionLow(pin) + 1) << 32;
    }

    private int Pin(uint gsi) => (int)(gsi - GsiBase);

    private void SetMasked(int pin, bool masked)
    {
        uint low = Read(RedirectionLow(pin));
        Write(RedirectionLow(pin), masked ? low | EntryMasked : low & ~EntryMasked);
    }

    // Masked while half-written, so no interrupt goes out with a stale destination.
    private void WriteEntry(int pin, uint low, uint high)
    {
        Write(RedirectionLow(pin), low | EntryMasked);
        Write(RedirectionLow(pin) + 1, high);
        Write(RedirectionLow(pin), low);
    }

    private static uint RedirectionLow(int pin) => RegisterRedirectionBase + 2 * (uint)pin;

    private uint Read(uint register)
    {
        _mmio.Write32(Address + SelectOffset, register);
        return _mmio.Read32(Address + WindowOffset);
    }

    private void Write(uint register, uint value)
    {
        _mmio.Write32(Address + SelectOffset, register);
        _mmio.Write32(Address + WindowOffset, value);
    }
}

using System.Globalization;
using Uk.Plat.PcX86_64;
using Uk.Drivers.Apic.Controllers;

namespace Unikraft.Kernel.Tests.Hardware;

// A CPU whose TSC moves by a fixed step per read, with an MSR file and a CPUID answer.
internal sealed class FakeCpu(ulong tscStep = 1000) : ICpu
{
    public ulong Tsc { get; set; } = 1_000_000;

    public Dictionary<uint, ulong> Msrs { get; } = new() { [0x1B] = 0xFEE00000 | 1 << 8 };

    public List<(uint Msr, ulong Value)> MsrWrites { get; } = new();

    public int Fences { get; private set; }

    public CpuidResult Cpuid(uint leaf, uint subleaf = 0) => default;

    public ulong ReadMsr(uint msr) => Msrs.TryGetValue(msr, out ulong value) ? value : 0;

    public void WriteMsr(uint msr, ulong value)
    {
        Msrs[msr] = value;
        MsrWrites.Add((msr, value));
    }

    public ulong ReadTimestampCounter() => Tsc += tscStep;

    public void MemoryFence() => Fences++;
}

// A local APIC register page whose timer counts down at apicHz against the fake TSC's tscHz.
internal sealed class FakeLocalApic(FakeCpu cpu, ulong tscHz, ulong apicHz) : IMmio
{
    public const ulong Base = 0xFEE00000;
    private ulong _armedAtTsc;

    public Dictionary<uint, uint> Registers { get; } = new() { [0x20] = 3u << 24 };

    public uint Read32(ulong address)
    {
        uint register = (uint)(address - Base);
        if (register == 0x390)
        {
            uint initial = Registers.GetValueOrDefault(0x380u);
            ulong counted = (cpu.Tsc - _armedAtTsc) * apicHz / tscHz;
            return counted >= initial ? 0 : initial - (uint)counted;
        }
        return Registers.GetValueOrDefault(register);
    }

    public void Write32(ulong address, uint value)
    {
        uint register = (uint)(address - Base);
        Registers[register] = value;
        if (register == 0x380)
            _armedAtTsc = cpu.Tsc;
    }
}

// An I/O APIC's index/window pair over a register file with `pins` redirection entries.
internal sealed class FakeIoApic(ulong address, int pins) : IMmio
{
    private uint _selected;

    public Dictionary<uint, uint> Registers { get; } = new() { [1] = (uint)(pins - 1) << 16 | 0x20 };

    public uint Read32(ulong at) => at == address + 0x10 ? Registers.GetValueOrDefault(_selected) : throw new InvalidOperationException("read of 0x" + at.ToString("X", CultureInfo.InvariantCulture));

    public void Write32(ulong at, uint value)
    {
        if (at == address)
            _selected = value;
        else if (at == address + 0x10)
            Registers[_selected] = value;
        else
            throw new InvalidOperationException("write to 0x" + at.ToString("X", CultureInfo.InvariantCulture));
    }

    public ulong Entry(int pin) => Registers.GetValueOrDefault(0x10 + 2 * (uint)pin) | (ulong)Registers.GetValueOrDefault(0x11 + 2 * (uint)pin) << 32;
}

// Port I/O as a log of writes, with reads answered by a function of the port.
internal sealed class FakePorts(Func<ushort, byte> read) : IPortIo
{
    public List<(ushort Port, byte Value)> Writes { get; } = new();

    public byte Read8(ushort port) => read(port);

    public void Write8(ushort port, byte value) => Writes.Add((port, value));
}

using Uk.Drivers.I8042;
using Uk.Plat.PcX86_64;

namespace Unikraft.Kernel.Tests.Hardware;

// An 8042 PS/2 controller with a keyboard on its first port and a mouse on its second, as
// QEMU models it: commands on 0x64, answers and scan codes queued behind 0x60, the
// configuration byte, the first port's enable bit gating what the keyboard sends. Knobs make
// it fail its self-test, fail the port test, reset its configuration in the self-test (as
// some real controllers do), lose its keyboard, never take a command, or be absent.
internal sealed class FakeI8042 : IPortIo
{
    private readonly Queue<(byte Value, bool FromMouse)> _output = new();
    private bool _expectingConfiguration;

    public byte Configuration { get; set; } = 0x47; // as firmware leaves it: IRQs and translation on
    public byte SelfTestAnswer { get; set; } = I8042Controller.SelfTestPassed;
    public byte PortTestAnswer { get; set; } = I8042Controller.PortTestPassed;
    public bool ResetsConfigurationInSelfTest { get; set; }
    public bool KeyboardAttached { get; set; } = true;
    // Input buffer full for ever: a controller that takes no command.
    public bool Stuck { get; set; }
    // Nothing decodes the ports: every read gives 0xFF, writes go nowhere.
    public bool Absent { get; set; }

    public bool FirstPortEnabled => (Configuration & I8042Controller.FirstPortClockOff) == 0;
    public bool Scanning { get; private set; }
    public List<byte> Commands { get; } = new();
    public int Writes { get; private set; }
    public int Reads { get; private set; }

    // Bytes left in the output buffer from before (BIOS, keys pressed during boot).
    public void Leave(params byte[] stale)
    {
        foreach (byte value in stale)
            _output.Enqueue((value, false));
    }

    // Key events, delivered only as a real keyboard would: enabled port, scanning on.
    public void Type(params byte[] scanCodes)
    {
        if (!KeyboardAttached || !FirstPortEnabled || !Scanning)
            return;
        foreach (byte code in scanCodes)
            _output.Enqueue((code, false));
    }

    public void MouseMoves(params byte[] packet)
    {
        foreach (byte value in packet)
            _output.Enqueue((value, true));
    }

    public byte Read8(ushort port)
    {
        Reads++;
        if (Absent)
            return 0xFF;
        if (port == I8042Controller.StatusPort)
        {
            byte status = 0x04; // system flag: the self-test passed once at power-on
            if (_output.Count > 0)
                status |= (byte)(I8042Controller.OutputFull | (_output.Peek().FromMouse ? I8042Controller.AuxiliaryData : 0));
            if (Stuck)
                status |= I8042Controller.InputFull;
            return status;
        }
        return _output.Count > 0 ? _output.Dequeue().Value : (byte)0;
    }

    public void Write8(ushort port, byte value)
    {
        Writes++;
        if (Absent || Stuck)
            return;
        if (port == I8042Controller.CommandPort)
            Command(value);
        else
            Data(value);
    }

    private void Command(byte command)
    {
        Commands.Add(command);
        switch (command)
        {
            case I8042Controller.ReadConfiguration:
                _output.Enqueue((Configuration, false));
                break;
            case I8042Controller.WriteConfiguration:
                _expectingConfiguration = true;
                break;
            case I8042Controller.DisableFirstPort:
                Configuration |= I8042Controller.FirstPortClockOff;
                break;
            case I8042Controller.EnableFirstPort:
                Configuration &= unchecked((byte)~I8042Controller.FirstPortClockOff);
                break;
            case I8042Controller.DisableSecondPort:
                Configuration |= I8042Controller.SecondPortClockOff;
                break;
            case I8042Controller.SelfTest:
                if (ResetsConfigurationInSelfTest)
                    Configuration = 0x30 | 0x04;
                _output.Enqueue((SelfTestAnswer, false));
                break;
            case I8042Controller.TestFirstPort:
                _output.Enqueue((PortTestAnswer, false));
                break;
        }
    }

    private void Data(byte value)
    {
        if (_expectingConfiguration)
        {
            Configuration = value;
            _expectingConfiguration = false;
            return;
        }
        if (!KeyboardAttached || !FirstPortEnabled)
            return;
        if (value == I8042Controller.KeyboardEnableScanning)
            Scanning = true;
        _output.Enqueue((I8042Controller.KeyboardAcknowledge, false));
    }
}

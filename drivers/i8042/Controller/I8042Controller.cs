using Uk.Plat.PcX86_64;

namespace Uk.Drivers.I8042;

// The 8042 PS/2 controller through its two ports: data (0x60) and status/command (0x64).
// Initialize puts it in a known state whatever the firmware left: both ports off, stale
// bytes flushed, self-test, keyboard port tested and enabled with translation on (so the
// keyboard's set 2 arrives as scan code set 1), the mouse port left off, interrupts off until
// EnableKeyboardInterrupt. Every wait is bounded: an absent or broken controller gives a
// status, never a hang.
public sealed class I8042Controller
{
    public const ushort DataPort = 0x60;
    public const ushort StatusPort = 0x64;
    public const ushort CommandPort = 0x64;

    public const byte OutputFull = 0x01;
    public const byte InputFull = 0x02;
    // The byte waiting came from the second (mouse) port.
    public const byte AuxiliaryData = 0x20;

    public const byte ReadConfiguration = 0x20;
    public const byte WriteConfiguration = 0x60;
    public const byte DisableSecondPort = 0xA7;
    public const byte SelfTest = 0xAA;
    public const byte TestFirstPort = 0xAB;
    public const byte DisableFirstPort = 0xAD;
    public const byte EnableFirstPort = 0xAE;

    public const byte FirstPortInterrupt = 0x01;
    public const byte SecondPortInterrupt = 0x02;
    public const byte FirstPortClockOff = 0x10;
    public const byte SecondPortClockOff = 0x20;
    public const byte Translation = 0x40;

    public const byte SelfTestPassed = 0x55;
    public const byte PortTestPassed = 0x00;
    public const byte KeyboardEnableScanning = 0xF4;
    public const byte KeyboardAcknowledge = 0xFA;

    // Bytes a controller may hold from before (keys pressed during boot, BIOS leftovers).
    private const int FlushLimit = 64;
    // Bytes read while waiting for the keyboard's acknowledgement (a key pressed meanwhile).
    private const int AcknowledgeLimit = 8;

    private readonly IPortIo _ports;
    private readonly int _waitPolls;
    // The configuration byte as Initialize left it: read back later, the answer could not be
    // told from a key pressed meanwhile.
    private byte _configuration;

    // waitPolls: how many status reads a wait may take (a port read takes about a microsecond
    // on a PC, so the default is about a tenth of a second).
    public I8042Controller(IPortIo ports, int waitPolls = 100_000)
    {
        _ports = ports;
        _waitPolls = waitPolls;
    }

    // The controller's answer behind a failed test, for the log line.
    public byte FailureCode { get; private set; }

    public I8042Status Initialize()
    {
        if (_ports.Read8(StatusPort) == 0xFF)
            return I8042Status.NotResponding;
        if (!Command(DisableFirstPort) || !Command(DisableSecondPort))
            return I8042Status.NotResponding;
        Flush();

        if (!CommandWithAnswer(ReadConfiguration, out byte configuration))
            return I8042Status.NotResponding;
        configuration &= unchecked((byte)~(FirstPortInterrupt | SecondPortInterrupt | Translation));
        if (!WriteConfigurationByte(configuration))
            return I8042Status.NotResponding;

        if (!CommandWithAnswer(SelfTest, out byte selfTest))
            return I8042Status.NotResponding;
        if (selfTest != SelfTestPassed)
        {
            FailureCode = selfTest;
            return I8042Status.SelfTestFailed;
        }
        // Some controllers reset the configuration byte in their self-test: write it again,
        // now with translation on, both ports still off (EnableFirstPort turns the keyboard's
        // clock on once its port passed the interface test).
        configuration |= Translation | FirstPortClockOff | SecondPortClockOff;
        if (!WriteConfigurationByte(configuration))
            return I8042Status.NotResponding;

        if (!CommandWithAnswer(TestFirstPort, out byte portTest))
            return I8042Status.NotResponding;
        if (portTest != PortTestPassed)
        {
            FailureCode = portTest;
            return I8042Status.PortTestFailed;
        }
        if (!Command(EnableFirstPort))
            return I8042Status.NotResponding;
        _configuration = (byte)(configuration & ~FirstPortClockOff);
        return EnableScanning() ? I8042Status.Ready : I8042Status.NoKeyboard;
    }

    // The controller raises IRQ 1 for each keyboard byte from now on (or stops, on == false).
    // Writes the configuration without reading it: keys may be waiting in the output buffer.
    public bool SetKeyboardInterrupt(bool on)
    {
        byte configuration = on ? (byte)(_configuration | FirstPortInterrupt) : (byte)(_configuration & ~FirstPortInterrupt);
        if (!WriteConfigurationByte(configuration))
            return false;
        _configuration = configuration;
        return true;
    }

    // A scan code from the keyboard if one waits; bytes from the mouse port are dropped.
    public bool TryReadKeyboard(out byte code)
    {
        while (true)
        {
            byte status = _ports.Read8(StatusPort);
            if ((status & OutputFull) == 0)
            {
                code = 0;
                return false;
            }
            code = _ports.Read8(DataPort);
            if ((status & AuxiliaryData) == 0)
                return true;
        }
    }

    // The keyboard may have been told to stop scanning by the firmware; tell it to scan.
    private bool EnableScanning()
    {
        if (!WaitUntilInputEmpty())
            return false;
        _ports.Write8(DataPort, KeyboardEnableScanning);
        for (int i = 0; i < AcknowledgeLimit; i++)
        {
            if (!WaitForOutput())
                return false;
            if (_ports.Read8(DataPort) == KeyboardAcknowledge)
                return true;
        }
        return false;
    }

    private void Flush()
    {
        for (int i = 0; i < FlushLimit && (_ports.Read8(StatusPort) & OutputFull) != 0; i++)
            _ports.Read8(DataPort);
    }

    private bool WriteConfigurationByte(byte configuration)
    {
        if (!Command(WriteConfiguration) || !WaitUntilInputEmpty())
            return false;
        _ports.Write8(DataPort, configuration);
        return true;
    }

    private bool Command(byte command)
    {
        if (!WaitUntilInputEmpty())
            return false;
        _ports.Write8(CommandPort, command);
        return true;
    }

    private bool CommandWithAnswer(byte command, out byte answer)
    {
        answer = 0;
        if (!Command(command) || !WaitForOutput())
            return false;
        answer = _ports.Read8(DataPort);
        return true;
    }

    private bool WaitUntilInputEmpty()
    {
        for (int i = 0; i < _waitPolls; i++)
        {
            if ((_ports.Read8(StatusPort) & InputFull) == 0)
                return true;
        }
        return false;
    }

    private bool WaitForOutput()
    {
        for (int i = 0; i < _waitPolls; i++)
        {
            if ((_ports.Read8(StatusPort) & OutputFull) != 0)
                return true;
        }
        return false;
    }
}

namespace Uk.Drivers.I8042;

// What I8042Controller.Initialize found; only Ready leaves a keyboard to read.
public enum I8042Status
{
    Ready,
    // ACPI's FADT (IA-PC boot architecture flags) says the machine has no 8042.
    AbsentPerFirmware,
    // Nothing answers at ports 0x60/0x64 (status reads 0xFF, or a command is never taken).
    NotResponding,
    // The controller's self-test (command 0xAA) did not answer 0x55.
    SelfTestFailed,
    // The first port's interface test (command 0xAB) did not answer 0x00.
    PortTestFailed,
    // No keyboard acknowledged "enable scanning" on the first port.
    NoKeyboard,
}

public static class I8042StatusText
{
    // For the one line the library logs; code is the controller's answer where it matters.
    public static string Describe(I8042Status status, byte code) => status switch
    {
        I8042Status.Ready => "PS/2 keyboard on the 8042's first port",
        I8042Status.AbsentPerFirmware => "ACPI's FADT says this machine has no 8042 controller",
        I8042Status.NotResponding => "no 8042 controller answers at ports 0x60/0x64",
        I8042Status.SelfTestFailed => "the 8042 controller failed its self-test (answered 0x" + HexByte(code) + ", not 0x55)",
        I8042Status.PortTestFailed => "the 8042's keyboard port failed its interface test (answered 0x" + HexByte(code) + ", not 0x00)",
        I8042Status.NoKeyboard => "no keyboard answers on the 8042's first port",
        _ => "unknown 8042 status",
    };

    private static string HexByte(byte value)
    {
        const string digits = "0123456789ABCDEF";
        char[] text = new char[] { digits[value >> 4], digits[value & 0xF] };
        return new string(text, 0, text.Length);
    }
}

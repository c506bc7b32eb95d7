namespace Unikraft.Xhci.Tests;

// A USB device on a FakeXhci root port: answers GET_DESCRIPTOR from canned descriptors,
// takes the other requests, and records each request it saw as "bmRequestType bRequest
// wValue wIndex wLength" in hex.
public sealed class FakeUsbDevice
{
    public const int FullSpeed = 1;
    public const int HighSpeed = 3;

    public required byte[] DeviceDescriptor { get; init; }

    public required byte[] ConfigurationDescriptor { get; init; }

    public int Speed { get; init; } = HighSpeed;

    // A request (bRequest) the device stalls.
    public int StalledRequest { get; init; } = -1;

    // Never answers on its control endpoint: transfers never complete.
    public bool Silent { get; init; }

    public List<string> Requests { get; } = new();

    public int ControlPacketSize => DeviceDescriptor[7];

    // The bytes a request returns (IN), or null when the device stalls it.
    public byte[]? Answer(byte requestType, byte request, ushort value, ushort index, ushort length)
    {
        Requests.Add($"{requestType:x2} {request:x2} {value:x4} {index:x4} {length:x4}");
        if (request == StalledRequest)
            return null;
        if (request != 6)
            return [];
        return (value >> 8) switch
        {
            1 => DeviceDescriptor,
            2 => ConfigurationDescriptor,
            _ => null,
        };
    }

    public static byte[] Device(byte deviceClass = 0, byte controlPacketSize = 64) =>
        [18, 1, 0x00, 0x02, deviceClass, 0, 0, controlPacketSize, 0x27, 0x06, 0x01, 0x00, 0x00, 0x01, 1, 2, 3, 1];

    // One configuration (value 1) with one interface of the class, subclass and protocol
    // given and its interrupt IN endpoint 0x81.
    public static byte[] Configuration(byte subclass = 1, byte protocol = 1) =>
    [
        0x09, 0x02, 0x22, 0x00, 0x01, 0x01, 0x00, 0xA0, 0x32,
        0x09, 0x04, 0x00, 0x00, 0x01, 0x03, subclass, protocol, 0x00,
        0x09, 0x21, 0x11, 0x01, 0x00, 0x01, 0x22, 0x3F, 0x00,
        0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0A,
    ];

    public static FakeUsbDevice Keyboard(int speed = HighSpeed, byte controlPacketSize = 64) =>
        new() { DeviceDescriptor = Device(controlPacketSize: controlPacketSize), ConfigurationDescriptor = Configuration(), Speed = speed };
}

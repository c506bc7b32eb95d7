using System;

namespace Uk.Drivers.Xhci;

// What a configuration descriptor says about its HID boot keyboard (USB 2.0, 9.6.3-9.6.6;
// HID 1.11, 4.2): the interface with class 3, subclass 1 (boot) and protocol 1 (keyboard),
// alternate setting 0, and its interrupt IN endpoint.
public readonly struct BootKeyboardInterface
{
    private const byte ConfigurationType = 2;
    private const byte InterfaceType = 4;
    private const byte EndpointType = 5;
    private const byte HidClass = 3;
    private const byte BootSubclass = 1;
    private const byte KeyboardProtocol = 1;
    private const byte InterruptTransfer = 3;

    public byte ConfigurationValue { get; init; }

    public byte InterfaceNumber { get; init; }

    // bEndpointAddress: bit 7 set (IN), the endpoint number in bits 3:0.
    public byte EndpointAddress { get; init; }

    public int MaxPacketSize { get; init; }

    // bInterval as the descriptor gives it (frames at full and low speed, an exponent above).
    public byte Interval { get; init; }

    // The endpoint's device context index: 2 * number + 1 for an IN endpoint.
    public int ContextIndex => (EndpointAddress & 0xF) * 2 + 1;

    // False when the configuration has no boot keyboard or its descriptors run past the end.
    public static bool TryFind(ReadOnlySpan<byte> configuration, out BootKeyboardInterface found)
    {
        found = default;
        byte configurationValue = 0;
        bool inKeyboard = false;
        byte interfaceNumber = 0;
        for (int at = 0; at + 2 <= configuration.Length;)
        {
            int length = configuration[at];
            if (length < 2 || at + length > configuration.Length)
                return false;
            ReadOnlySpan<byte> descriptor = configuration.Slice(at, length);
            switch (descriptor[1])
            {
                case ConfigurationType when length >= 9:
                    configurationValue = descriptor[5];
                    break;
                case InterfaceType when length >= 9:
                    interfaceNumber = descriptor[2];
                    inKeyboard = descriptor[3] == 0 && descriptor[5] == HidClass && descriptor[6] == BootSubclass && descriptor[7] == KeyboardProtocol;
                    break;
                case EndpointType when length >= 7 && inKeyboard:
                    if ((descriptor[2] & 0x80) != 0 && (descriptor[3] & 3) == InterruptTransfer)
                    {
                        found = new BootKeyboardInterface
                        {
                            ConfigurationValue = configurationValue,
                            InterfaceNumber = interfaceNumber,
                            EndpointAddress = descriptor[2],
                            MaxPacketSize = (descriptor[4] | descriptor[5] << 8) & 0x7FF,
                            Interval = descriptor[6],
                        };
                        return true;
                    }
                    break;
            }
            at += length;
        }
        return false;
    }
}

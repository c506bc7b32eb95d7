namespace Uk.Drivers.E1000;

// What differs between the chips this library drives: their names, the layout of the
// EEPROM read register (the 82574 moved the done bit and widened the address field), and
// whether they signal through MSI-X (the 82574; the 8254x have INTx, some plain MSI).
public sealed class E1000Chip
{
    public const ushort IntelVendor = 0x8086;

    private static readonly E1000Chip[] Known =
    [
        new E1000Chip(0x100E, "82540EM", 4, 8, false),
        new E1000Chip(0x100F, "82545EM", 4, 8, false),
        new E1000Chip(0x10D3, "82574L", 1, 2, true),
    ];

    private E1000Chip(ushort deviceId, string name, int eepromDoneBit, int eepromAddressShift, bool hasMsiX)
    {
        HasMsiX = hasMsiX;
        DeviceId = deviceId;
        Name = name;
        EepromDone = 1u << eepromDoneBit;
        EepromAddressShift = eepromAddressShift;
    }

    public ushort DeviceId { get; }

    public string Name { get; }

    public uint EepromDone { get; }

    public int EepromAddressShift { get; }

    public bool HasMsiX { get; }

    // Null for an Intel device this library does not drive.
    public static E1000Chip? Find(ushort deviceId)
    {
        for (int i = 0; i < Known.Length; i++)
        {
            if (Known[i].DeviceId == deviceId)
                return Known[i];
        }
        return null;
    }
}

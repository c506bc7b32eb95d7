using Uk.NetDev;

namespace Uk.Drivers.E1000;

// The interface's MAC address. After reset the chip loads it from its EEPROM into receive
// address 0 (marked valid); only where that did not happen is the EEPROM read word by word.
public static class StationAddress
{
    private const uint EepromStart = 1;
    private const int EepromPolls = 100_000;

    // False when neither source gives a usable address (all zero, all ones or multicast).
    public static bool TryRead(IE1000Registers registers, E1000Chip chip, out MacAddress mac)
    {
        uint high = registers.Read(E1000Registers.ReceiveAddressHigh);
        uint low = registers.Read(E1000Registers.ReceiveAddressLow);
        if ((high & E1000Registers.ReceiveAddressValid) != 0)
        {
            mac = FromRegisters(low, high);
            if (IsUsable(mac))
                return true;
        }
        uint words = 0;
        ulong value = 0;
        for (int word = 0; word < 3; word++)
        {
            if (!TryReadEeprom(registers, chip, word, out ushort data))
                break;
            // Each word holds two octets, the first in its low byte.
            uint octets = (uint)(data & 0xFF) << 8 | (uint)(data >> 8);
            value = value << 16 | octets;
            words++;
        }
        mac = new MacAddress(value);
        if (words < 3 || !IsUsable(mac))
            return false;
        Program(registers, mac);
        return true;
    }

    // Receive address 0 is the unicast filter: the address the device accepts frames for.
    public static void Program(IE1000Registers registers, MacAddress mac)
    {
        ulong v = mac.Value;
        uint low = (uint)(v >> 40 & 0xFF) | (uint)(v >> 32 & 0xFF) << 8 | (uint)(v >> 24 & 0xFF) << 16 | (uint)(v >> 16 & 0xFF) << 24;
        uint high = (uint)(v >> 8 & 0xFF) | (uint)(v & 0xFF) << 8 | E1000Registers.ReceiveAddressValid;
        registers.Write(E1000Registers.ReceiveAddressLow, low);
        registers.Write(E1000Registers.ReceiveAddressHigh, high);
    }

    public static MacAddress FromRegisters(uint low, uint high) =>
        new MacAddress((ulong)(low & 0xFF) << 40 | (ulong)(low >> 8 & 0xFF) << 32 | (ulong)(low >> 16 & 0xFF) << 24
            | (ulong)(low >> 24) << 16 | (ulong)(high & 0xFF) << 8 | (high >> 8 & 0xFF));

    private static bool IsUsable(MacAddress mac) => mac != MacAddress.Zero && !mac.IsBroadcast && !mac.IsMulticast;

    private static bool TryReadEeprom(IE1000Registers registers, E1000Chip chip, int word, out ushort data)
    {
        registers.Write(E1000Registers.EepromRead, (uint)word << chip.EepromAddressShift | EepromStart);
        for (int i = 0; i < EepromPolls; i++)
        {
            uint value = registers.Read(E1000Registers.EepromRead);
            if ((value & chip.EepromDone) != 0)
            {
                data = (ushort)(value >> 16);
                return true;
            }
        }
        data = 0;
        return false;
    }
}

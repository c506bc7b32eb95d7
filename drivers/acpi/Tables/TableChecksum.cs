using System;

namespace Uk.Drivers.Acpi;

internal static class TableChecksum
{
    // Every ACPI structure is built so that its bytes sum to 0 modulo 256.
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        for (int i = 0; i < bytes.Length; i++)
            sum += bytes[i];
        return sum == 0;
    }
}

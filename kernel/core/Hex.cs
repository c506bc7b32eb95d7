using System;

namespace Uk.Core;

// Hex text for drivers' messages without the standard-format machinery (see IntegerText).
public static class Hex
{
    public static string Format(ulong value, int minDigits = 1) => IntegerText.Hex(value, minDigits);
}

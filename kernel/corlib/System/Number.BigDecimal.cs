namespace System;

// A non-negative integer of up to 2,560 bits, just enough to hold any double's exact value
// scaled to an integer (m * 2^e or m * 5^k), and to print it in decimal. Slow and simple:
// floating-point text is not on any hot path of the kernel.
internal sealed class BigDecimalInteger
{
    private const int MaxLimbs = 84;
    private readonly uint[] _limbs = new uint[MaxLimbs];
    private int _length;

    public static BigDecimalInteger From(ulong value)
    {
        var result = new BigDecimalInteger();
        result._limbs[0] = (uint)value;
        result._limbs[1] = (uint)(value >> 32);
        result._length = result._limbs[1] != 0 ? 2 : result._limbs[0] != 0 ? 1 : 0;
        return result;
    }

    public void ShiftLeft(int bits)
    {
        int limbShift = bits / 32, bitShift = bits % 32;
        if (_length == 0)
            return;
        if (bitShift != 0)
        {
            uint carry = 0;
            for (int i = 0; i < _length; i++)
            {
                uint limb = _limbs[i];
                _limbs[i] = (limb << bitShift) | carry;
                carry = limb >> (32 - bitShift);
            }
            if (carry != 0)
                _limbs[_length++] = carry;
        }
        if (limbShift != 0)
        {
            for (int i = _length - 1; i >= 0; i--)
                _limbs[i + limbShift] = _limbs[i];
            for (int i = 0; i < limbShift; i++)
                _limbs[i] = 0;
            _length += limbShift;
        }
    }

    public void Multiply(uint factor)
    {
        ulong carry = 0;
        for (int i = 0; i < _length; i++)
        {
            ulong product = (ulong)_limbs[i] * factor + carry;
            _limbs[i] = (uint)product;
            carry = product >> 32;
        }
        if (carry != 0)
            _limbs[_length++] = (uint)carry;
    }

    public void MultiplyByPowerOf5(int exponent)
    {
        // 5^13 is the largest power of five that fits in 32 bits.
        for (; exponent >= 13; exponent -= 13)
            Multiply(1220703125);
        uint rest = 1;
        for (; exponent > 0; exponent--)
            rest *= 5;
        if (rest != 1)
            Multiply(rest);
    }

    // The decimal digits, most significant first; "0" for zero.
    public string ToDecimalString()
    {
        if (_length == 0)
            return "0";
        uint[] work = new uint[_length];
        Array.Copy(_limbs, work, _length);
        int length = _length;
        // Nine digits per round of division by 10^9: at most ten digits per limb, plus one round.
        char[] digits = new char[_length * 10 + 18];
        int position = digits.Length;
        while (length > 0)
        {
            // Divide by 10^9 and emit the remainder's nine digits.
            ulong remainder = 0;
            for (int i = length - 1; i >= 0; i--)
            {
                ulong current = (remainder << 32) | work[i];
                work[i] = (uint)(current / 1000000000);
                remainder = current % 1000000000;
            }
            while (length > 0 && work[length - 1] == 0)
                length--;
            for (int i = 0; i < 9; i++)
            {
                digits[--position] = (char)('0' + (int)(remainder % 10));
                remainder /= 10;
            }
        }
        while (position < digits.Length - 1 && digits[position] == '0')
            position++;
        return new string(digits, position, digits.Length - position);
    }
}

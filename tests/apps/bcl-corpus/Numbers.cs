using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using static Corpus.Report;

namespace Corpus;

// Math and MathF, integer and floating-point edge cases, decimal, BigInteger, parsing, Random.
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run()
    {
        Check("math rounding", $"{Math.Round(2.5)} {Math.Round(-2.5)} {Math.Round(2.5, MidpointRounding.AwayFromZero)} {Math.Round(1.2345, 2)} {Math.Round(2.675, 2)} {Math.Round(-1.5, MidpointRounding.ToZero)} {Math.Round(1.5, MidpointRounding.ToPositiveInfinity)}");
        Check("math floor/ceiling/truncate", $"{Math.Floor(-2.5)} {Math.Ceiling(-2.5)} {Math.Truncate(-2.7)} {Math.Floor(3.0)} {Math.Ceiling(1e-300)} {Math.Truncate(double.MaxValue) == double.MaxValue}");
        Check("math integer", $"{Math.Abs(int.MinValue + 1)} {Throws(() => Math.Abs(int.MinValue))} {Math.Sign(-3.5)} {Math.Max(3, 7)} {Math.Min(-0.0, 0.0)} {Math.BigMul(int.MaxValue, int.MaxValue)} {Math.DivRem(-7, 2, out int rem)}{rem}");
        // cbrt and the hyperbolic functions print 15 digits: glibc's are not correctly rounded
        // (Math.Cbrt(27) is 3.0000000000000004 there), the guest's are (docs/dotnet-differences.md).
        Check("math sqrt/cbrt", $"{Math.Sqrt(144)} {Math.Sqrt(2)} {Math.Sqrt(-1)} {Math.Cbrt(27):G15} {Math.Cbrt(-8)} {Math.Cbrt(2):G15} {Math.Sqrt(1e-310)}");
        Check("math pow exact", $"{Math.Pow(2, 10)} {Math.Pow(2, -2)} {Math.Pow(-2, 3)} {Math.Pow(10, 15)} {Math.Pow(0, 0)} {Math.Pow(-8, 1.0 / 3)} {Math.Pow(4, 0.5)}");
        Check("math pow", $"{Math.Pow(1.0001, 10000)} {Math.Pow(2, 0.5)} {Math.Pow(10, -3)} {Math.Pow(7, 1.5)}");
        Check("math exp/log", $"{Math.Exp(1)} {Math.Exp(0)} {Math.Log(Math.E)} {Math.Log(10)} {Math.Log10(1000)} {Math.Log2(1024)} {Math.Log(8, 2)} {Math.Log(0)} {Math.Log(-1)}");
        Check("math exp/log values", $"{Math.Exp(2.5)} {Math.Exp(-10)} {Math.Log(2)} {Math.Log10(2)} {Math.Log2(10)} {Math.Log(123456.789)}");
        Check("math trigonometry", $"{Math.Sin(0)} {Math.Cos(0)} {Math.Sin(Math.PI / 6)} {Math.Cos(Math.PI / 3)} {Math.Tan(Math.PI / 4)} {Math.Sin(1)} {Math.Cos(1)} {Math.Tan(1)}");
        Check("math inverse trigonometry", $"{Math.Asin(1)} {Math.Acos(0)} {Math.Atan(1)} {Math.Atan2(1, 1)} {Math.Atan2(-1, -1)} {Math.Asin(0.5)} {Math.Acos(0.5)} {Math.Atan(0.5)}");
        Check("math hyperbolic", $"{Math.Sinh(1):G15} {Math.Cosh(1):G15} {Math.Tanh(1):G15} {Math.Asinh(1):G15} {Math.Acosh(2):G15} {Math.Atanh(0.5):G15} {Math.Tanh(30)} {Math.Sinh(0)}");
        Check("math misc", $"{Math.Clamp(-5, 0, 10)} {Math.CopySign(3.0, -0.0)} {Math.FusedMultiplyAdd(2, 3, 4)} {Math.IEEERemainder(10, 3)} {Math.ScaleB(1, 10)} {Math.ILogB(1000)} {Math.BitIncrement(1.0)} {Math.MaxMagnitude(-5.0, 3.0)}");
        Check("mathf", $"{MathF.Sqrt(2)} {MathF.Round(2.5f)} {MathF.Floor(-0.5f)} {MathF.Abs(-3f)} {MathF.Max(1f, float.NaN)} {MathF.PI} {MathF.Pow(2f, 8f)} {MathF.Sin(0f)}");
        Check("mathf transcendental", $"{MathF.Exp(1f)} {MathF.Log(10f)} {MathF.Sin(1f)} {MathF.Cos(1f)} {MathF.Atan2(1f, 2f)} {MathF.Pow(3f, 0.5f)}");
        Check("double remainder", $"{10.5 % 3} {-7.5 % 2} {5.0 % 0} {1e300 % 7} {Math.PI % 1}");
        Check("double edge cases", $"{0.0 / 0.0} {1 / 0.0} {-1 / 0.0} {double.IsNaN(double.NaN)} {Nan() == Nan()} {double.NaN.Equals(double.NaN)} {0.0 == -0.0} {double.IsNegative(-0.0)} {1.0 / double.NegativeInfinity}");
        Check("double precision", $"{0.1 + 0.2 == 0.3} {Math.Abs(0.1 + 0.2 - 0.3) < double.Epsilon * 100} {1e308 * 10} {double.MaxValue + 1 == double.MaxValue} {(float)1e40} {(double)float.MaxValue} {9007199254740993L == (long)(double)9007199254740993L}");
        Check("double bits", $"{BitConverter.DoubleToInt64Bits(1.0):X} {BitConverter.Int64BitsToDouble(0x400921FB54442D18)} {BitConverter.SingleToInt32Bits(-1f):X} {double.IsSubnormal(double.Epsilon)} {double.IsInteger(3.0)}");
        Check("conversions", $"{(int)3.99} {(int)-3.99} {(long)1e18} {unchecked((uint)MinusOne())} {unchecked((byte)(sbyte)MinusOne())} {unchecked((short)(MinusOne() + 70001))} {(int)(float)16777217} {(char)65} {Convert.ToInt32(2.5)} {Convert.ToInt32(3.5)} {Convert.ToInt32("  42 ")}");
        Check("integer overflow", $"{Throws(() => _ = checked(int.MaxValue + One()))} {int.MaxValue + One()} {Throws(() => _ = checked((int)LongMax()))} {Throws(() => Convert.ToByte(256))} {Throws(() => _ = checked(ulong.MinValue - (ulong)One()))}");
        Check("integer division", $"{-7 / 2} {-7 % 2} {7 / -2} {int.MinValue / -1L} {Throws(() => Divide(1, 0))} {Throws(() => Divide(int.MinValue, -1))}");
        Check("integer bits", $"{BitOperations.PopCount(255u)} {BitOperations.LeadingZeroCount(1u)} {BitOperations.TrailingZeroCount(8)} {BitOperations.Log2(1000u)} {BitOperations.RotateLeft(0x80000001u, 1)} {BitOperations.IsPow2(64)} {BitOperations.RoundUpToPowerOf2(100u)}");
        Check("integer shifts", $"{1 << 33} {1L << 33} {-16 >> 2} {-16 >>> 28} {0xF0 & 0x3C} {0xF0 | 0x0F} {0xFF ^ 0x0F} {~0}");
        Check("int128", $"{Int128.MaxValue} {(Int128)long.MaxValue * 4} {UInt128.MaxValue} {(UInt128)ulong.MaxValue + 1}");
        Check("integer parse", $"{int.Parse("  -42  ", Invariant)} {int.Parse("ff", NumberStyles.HexNumber)} {int.Parse("1,234", NumberStyles.AllowThousands, Invariant)} {long.Parse("(5)", NumberStyles.AllowParentheses)} {uint.TryParse("-1", out _)} {Throws(() => int.Parse("2147483648"))} {Throws(() => int.Parse("abc"))}");
        Check("double parse", $"{double.Parse("1.5e3", Invariant)} {double.Parse("-.5", Invariant)} {double.Parse("1,234.5", NumberStyles.Number, Invariant)} {double.Parse("NaN", Invariant)} {double.Parse("-Infinity", Invariant)} {double.Parse("0.1", Invariant) == 0.1} {double.TryParse("1e400", NumberStyles.Float, Invariant, out double huge)} {huge}");
        Check("double parse precision", $"{double.Parse("3.141592653589793238462643383279", Invariant)} {double.Parse("2.2250738585072014E-308", Invariant)} {double.Parse("4.9e-324", Invariant)} {double.Parse("9007199254740993", Invariant)} {float.Parse("3.4028235E+38", Invariant)} {float.Parse("1.17549435E-38", Invariant)}");
        Check("number roundtrip", string.Join(" ", new[] { 0.1, 1.0 / 3, Math.PI, 1e-7, 123456.789e10, 5e-324, 1.7976931348623157e308 }.Select(d => double.Parse(d.ToString("R", Invariant), Invariant) == d)));

        Check("decimal arithmetic", $"{1.1m + 2.2m} {10m / 3m} {1m / 7m * 7m} {0.1m * 3} {decimal.MaxValue - 1} {Throws(() => _ = decimal.MaxValue + One())} {Throws(() => _ = 1m / Zero())}");
        Check("decimal scale", $"{1.10m} {1.10m * 2} {1.10m == 1.1m} {decimal.Parse("1.2300")} {(1.2300m).Scale} {decimal.GetBits(1.5m)[3]:X} {new decimal(12345, 0, 0, true, 3)}");
        Check("decimal rounding", $"{decimal.Round(2.5m)} {decimal.Round(3.5m)} {decimal.Round(2.345m, 2, MidpointRounding.AwayFromZero)} {decimal.Floor(-1.5m)} {decimal.Ceiling(1.2m)} {decimal.Truncate(-9.99m)} {Math.Round(1.005m, 2)}");
        Check("decimal conversions", $"{(decimal)0.1} {(decimal)1e-5f} {(double)1.1m} {(int)9.99m} {Convert.ToDecimal("123.456", Invariant)} {decimal.ToOACurrency(1.5m)} {(decimal)long.MaxValue}");
        Check("decimal compound interest", Enumerable.Range(0, 10).Aggregate(1000m, (balance, _) => decimal.Round(balance * 1.035m, 2)));

        var factorial = Enumerable.Range(1, 30).Aggregate(BigInteger.One, (acc, n) => acc * n);
        Check("biginteger factorial", factorial + " digits=" + factorial.ToString().Length);
        Check("biginteger power/mod", $"{BigInteger.Pow(2, 100)} {BigInteger.ModPow(3, 200, 1000007)} {BigInteger.Pow(7, 50) % 1000} {BigInteger.GreatestCommonDivisor(123456789, 987654321)}");
        Check("biginteger parse/format", $"{BigInteger.Parse("-123456789012345678901234567890") * 2} {BigInteger.Parse("ff", NumberStyles.HexNumber)} {new BigInteger(255).ToString("X")} {BigInteger.Parse("1000000000000").ToString("N0", Invariant)}");
        Check("biginteger division", $"{BigInteger.DivRem(BigInteger.Pow(10, 30), 7, out BigInteger remainder)} {remainder} {BigInteger.Log10(BigInteger.Pow(10, 20))} {(-BigInteger.Pow(2, 70)).Sign} {BigInteger.Abs(-5)}");
        Check("biginteger bytes/bits", $"{Convert.ToHexString(new BigInteger(65535).ToByteArray())} {new BigInteger(new byte[] { 0x00, 0x80 })} {BigInteger.One << 64} {BigInteger.Pow(2, 64) >> 3} {(long)(BigInteger.One << 62)} {Throws(() => _ = (int)BigInteger.Pow(2, 40))}");
        Check("complex", $"{new Complex(1, 2) * new Complex(3, -1)} {Complex.Abs(new Complex(3, 4))} {Complex.Conjugate(new Complex(1, 1))}");
        Check("vector", $"{new Vector2(1, 2) + new Vector2(3, 4)} {Vector3.Dot(new Vector3(1, 2, 3), new Vector3(4, 5, 6))} {Vector3.Cross(Vector3.UnitX, Vector3.UnitY)} {new Vector2(3, 4).Length()}");
        Check("matrix4x4", $"{Matrix4x4.Identity.IsIdentity} {Vector2.Transform(new Vector2(1, 0), Matrix3x2.CreateScale(2, 3))} {Matrix4x4.CreateTranslation(1, 2, 3).Translation}");

        var random = new Random(42);
        Check("random next", Join(Enumerable.Range(0, 6).Select(_ => random.Next())));
        Check("random ranges", Join(Enumerable.Range(0, 6).Select(_ => random.Next(-50, 50))) + " " + random.NextInt64(1_000_000_000_000));
        Check("random doubles", Join(Enumerable.Range(0, 3).Select(_ => random.NextDouble().ToString("F6", Invariant))) + " " + random.NextSingle().ToString("F4", Invariant));
        byte[] bytes = new byte[8];
        random.NextBytes(bytes);
        Check("random bytes", Convert.ToHexString(bytes));
        int[] deck = Enumerable.Range(1, 10).ToArray();
        random.Shuffle(deck);
        Check("random shuffle/items", Join(deck) + " " + Join(random.GetItems(new[] { 'a', 'b', 'c' }, 6)));
        Check("random other seed", Join(Enumerable.Range(0, 5).Select(_ => new Random(7).Next(100))) + " " + new Random(2024).GetHexString(12));
    }

    private static int One() => 1;

    private static double Nan() => double.NaN;

    private static int MinusOne() => -1;

    private static long LongMax() => long.MaxValue;

    private static decimal Zero() => 0m;

    private static int Divide(int a, int b) => a / b;
}

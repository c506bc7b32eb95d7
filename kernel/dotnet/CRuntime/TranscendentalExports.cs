using System.Runtime.InteropServices;

namespace Uk.Dotnet.CRuntime;

// The C library's exponential, logarithmic, inverse trigonometric and hyperbolic functions
// and fma, as CoreLib's Math and MathF import them: correctly rounded (double-double inside).
// The float forms go through the double ones, whose result rounds to the float one.
internal static class TranscendentalExports
{
    [UnmanagedCallersOnly(EntryPoint = "exp")]
    private static double Exp(double x) => ExponentialFunctions.Exp(x);

    [UnmanagedCallersOnly(EntryPoint = "expf")]
    private static float ExpF(float x) => (float)ExponentialFunctions.Exp(x);

    [UnmanagedCallersOnly(EntryPoint = "log")]
    private static double Log(double x) => ExponentialFunctions.Log(x);

    [UnmanagedCallersOnly(EntryPoint = "logf")]
    private static float LogF(float x) => (float)ExponentialFunctions.Log(x);

    [UnmanagedCallersOnly(EntryPoint = "log2")]
    private static double Log2(double x) => ExponentialFunctions.Log2(x);

    [UnmanagedCallersOnly(EntryPoint = "log10")]
    private static double Log10(double x) => ExponentialFunctions.Log10(x);

    [UnmanagedCallersOnly(EntryPoint = "cbrt")]
    private static double Cbrt(double x) => ExponentialFunctions.Cbrt(x);

    [UnmanagedCallersOnly(EntryPoint = "atan")]
    private static double Atan(double x) => InverseTrigonometricFunctions.Atan(x);

    [UnmanagedCallersOnly(EntryPoint = "atan2")]
    private static double Atan2(double y, double x) => InverseTrigonometricFunctions.Atan2(y, x);

    [UnmanagedCallersOnly(EntryPoint = "atan2f")]
    private static float Atan2F(float y, float x) => (float)InverseTrigonometricFunctions.Atan2(y, x);

    [UnmanagedCallersOnly(EntryPoint = "asin")]
    private static double Asin(double x) => InverseTrigonometricFunctions.Asin(x);

    [UnmanagedCallersOnly(EntryPoint = "acos")]
    private static double Acos(double x) => InverseTrigonometricFunctions.Acos(x);

    [UnmanagedCallersOnly(EntryPoint = "sinh")]
    private static double Sinh(double x) => HyperbolicFunctions.Sinh(x);

    [UnmanagedCallersOnly(EntryPoint = "cosh")]
    private static double Cosh(double x) => HyperbolicFunctions.Cosh(x);

    [UnmanagedCallersOnly(EntryPoint = "tanh")]
    private static double Tanh(double x) => HyperbolicFunctions.Tanh(x);

    [UnmanagedCallersOnly(EntryPoint = "asinh")]
    private static double Asinh(double x) => HyperbolicFunctions.Asinh(x);

    [UnmanagedCallersOnly(EntryPoint = "acosh")]
    private static double Acosh(double x) => HyperbolicFunctions.Acosh(x);

    [UnmanagedCallersOnly(EntryPoint = "atanh")]
    private static double Atanh(double x) => HyperbolicFunctions.Atanh(x);

    [UnmanagedCallersOnly(EntryPoint = "fma")]
    private static double Fma(double x, double y, double z) => FusedMultiplyAdd.Compute(x, y, z);

    // sin and cos are the x87 unit's (native/classlib.asm).
    [UnmanagedCallersOnly(EntryPoint = "sinf")]
    private static float SinF(float x) => (float)X87Sin(x);

    [UnmanagedCallersOnly(EntryPoint = "cosf")]
    private static float CosF(float x) => (float)X87Cos(x);

    [DllImport("*", EntryPoint = "sin"), SuppressGCTransition]
    private static extern double X87Sin(double x);

    [DllImport("*", EntryPoint = "cos"), SuppressGCTransition]
    private static extern double X87Cos(double x);
}

namespace GcTests;

internal static class Strings
{
    // A string built at run time (never a literal frozen into the image).
    public static string Make(string prefix, int number) => prefix + "-" + number.ToString() + "-" + (number * 31 % 1000).ToString();
}

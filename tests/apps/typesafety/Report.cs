using System;

namespace TypeSafety;

// One line per check, "name: value", in a form host .NET and the guest print alike; a check
// that throws prints the exception's type name instead of a value.
public static class Report
{
    public static void Line(string name, string value) => Console.WriteLine(name + ": " + value);

    public static void Line(string name, bool value) => Line(name, value ? "True" : "False");

    public static void Line(string name, int value) => Line(name, value.ToString());

    public static void Try(string name, Func<string> check)
    {
        string value;
        try
        {
            value = check();
        }
        catch (Exception exception)
        {
            value = "throws " + exception.GetType().FullName;
        }
        Line(name, value);
    }
}

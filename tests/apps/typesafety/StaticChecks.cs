using System;

namespace TypeSafety;

// Static constructors with .NET's semantics: run at first access, once; a throwing one makes
// every access throw TypeInitializationException; a cycle sees the statics half-built.
public static class StaticChecks
{
    public static void Run()
    {
        Report.Line("before first access", Log.Text);
        Report.Line("counter value", Counter.Value);
        Report.Line("after first access", Log.Text);
        Report.Line("counter again", Counter.Value);
        Report.Line("constructor ran once", Log.Text);
        Report.Line("static method runs constructor", Greeter.Greet() + " / " + Log.Text);
        Report.Try("throwing constructor", () => Broken.Value.ToString());
        Report.Try("throwing constructor message", () =>
        {
            try
            {
                return Broken.Value.ToString();
            }
            catch (TypeInitializationException exception)
            {
                return exception.Message + " | " + exception.InnerException!.GetType().FullName + ": " + exception.InnerException.Message;
            }
        });
        Report.Try("throwing constructor again", () => Broken.Value.ToString());
        Report.Line("cycle seen from first", CycleA.Seen);
        Report.Line("cycle seen from second", CycleB.Seen);
        Report.Line("never touched", Log.Text.Contains("Untouched") ? "ran" : "did not run");
    }
}

public static class Log
{
    public static string Text = "";
}

public static class Counter
{
    public static readonly int Value;

    static Counter()
    {
        Log.Text += "Counter;";
        Value = 41 + Log.Text.Length / Log.Text.Length;
    }
}

public static class Greeter
{
    static Greeter() => Log.Text += "Greeter;";

    public static string Greet() => "hello";
}

public static class Broken
{
    public static readonly int Value;

    static Broken()
    {
        Log.Text += "Broken;";
        if (Log.Text.Length > 0)
            throw new InvalidOperationException("the configuration is missing");
        Value = 1;
    }
}

public static class CycleA
{
    public static readonly int Own;
    public static readonly string Seen;

    static CycleA()
    {
        Own = 1;
        Seen = "B.Own=" + CycleB.Own.ToString();
    }
}

public static class CycleB
{
    public static readonly int Own;
    public static readonly string Seen;

    static CycleB()
    {
        Own = 2;
        Seen = "A.Own=" + CycleA.Own.ToString();
    }
}

public static class Untouched
{
    static Untouched() => Log.Text += "Untouched;";

    public static void Touch()
    {
    }
}

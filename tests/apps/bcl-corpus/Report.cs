using System;
using System.Collections.Generic;

namespace Corpus;

internal static class Report
{
    public static void Check(string name, object? value) => Console.WriteLine(name + ": " + (value ?? "(null)"));

    public static string Join<T>(IEnumerable<T> items) => string.Join(",", items);

    // What an action threw, by type and message, or "no exception".
    public static string Throws(Action action)
    {
        try
        {
            action();
            return "no exception";
        }
        catch (Exception exception)
        {
            return exception.GetType().Name + ": " + exception.Message;
        }
    }
}

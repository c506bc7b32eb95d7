using System;
using System.Collections.Generic;
using System.Linq;

// Each line is compared with host .NET's output for the same program.
var log = new List<string>();

Check("catch typed", Catch(() => throw new InvalidOperationException("bad state")));
Check("catch base type", Catch(() => throw new ArgumentNullException("name")));
Check("finally order", FinallyOrder());
Check("nested try", Nested());
Check("filter true", Filter(7));
Check("filter false", Filter(8));
Check("filter that throws", FilterThatThrows());
Check("rethrow keeps type", Catch(() => Rethrow()));
Check("throw in catch", Catch(() => ThrowInCatch()));
Check("throw in finally", Catch(() => ThrowInFinally()));
Check("catch inside catch", CatchInsideCatch());
Check("null reference", Catch(() => NullDereference(null)));
Check("divide by zero", Catch(() => Divide(1, 0)));
Check("index out of range", Catch(() => Index(new int[3], 5)));
Check("invalid cast", Catch(() => ((string)(object)42).Length.ToString()));
Check("format", Catch(() => int.Parse("12x").ToString()));
Check("overflow", Catch(() => checked(int.MaxValue + Environment.ProcessorCount).ToString()));
Check("key not found", Catch(() => new Dictionary<string, int>()["missing"].ToString()));
Check("linq first", Catch(() => Array.Empty<int>().First().ToString()));
Check("through lambdas", Catch(() => Enumerable.Range(0, 5).Select(n => 10 / (n - 3)).Sum().ToString()));
Check("custom exception", Catch(() => throw new ParseError(17)));
Check("inner exception", InnerException());
Check("aggregate", Catch(() => throw new AggregateException(new Exception("a"), new Exception("b"))));
Check("using dispose", UsingDispose());
Check("deep recursion unwind", Catch(() => Recurse(200)));
Check("loop of 1000", Loop(1000).ToString());
Check("when with state", WhenWithState());
Console.WriteLine("done");

static void Check(string name, string value) => Console.WriteLine(name + ": " + value);

static string Catch(Func<string> action)
{
    try
    {
        return "returned " + action();
    }
    catch (Exception e)
    {
        return e.GetType().Name + ": " + e.Message;
    }
}

static string Catch2(Action action)
{
    try
    {
        action();
        return "returned";
    }
    catch (Exception e)
    {
        return e.GetType().Name + ": " + e.Message;
    }
}

static string FinallyOrder()
{
    var steps = new List<string>();
    try
    {
        try
        {
            steps.Add("try");
            throw new Exception("x");
        }
        finally
        {
            steps.Add("finally1");
        }
    }
    catch (Exception)
    {
        steps.Add("catch");
    }
    finally
    {
        steps.Add("finally2");
    }
    return string.Join(">", steps);
}

static string Nested()
{
    try
    {
        try
        {
            throw new ArgumentException("inner");
        }
        catch (InvalidOperationException)
        {
            return "wrong handler";
        }
    }
    catch (ArgumentException e)
    {
        return "outer caught " + e.Message;
    }
}

static string Filter(int code)
{
    try
    {
        try
        {
            throw new ParseError(code);
        }
        catch (ParseError e) when (e.Code % 2 == 1)
        {
            return "filtered in " + e.Code;
        }
    }
    catch (ParseError e)
    {
        return "outer " + e.Code;
    }
}

static string FilterThatThrows()
{
    try
    {
        try
        {
            throw new Exception("original");
        }
        catch (Exception e) when (e.Data["missing"]!.ToString() == "x")
        {
            return "filter accepted";
        }
    }
    catch (Exception e)
    {
        return "outer got " + e.Message;
    }
}

static string Rethrow()
{
    try
    {
        throw new NotSupportedException("inner op");
    }
    catch (NotSupportedException)
    {
        throw;
    }
}

static string ThrowInCatch()
{
    try
    {
        throw new Exception("first");
    }
    catch (Exception e)
    {
        throw new InvalidOperationException("second after " + e.Message);
    }
}

static string ThrowInFinally()
{
    try
    {
        throw new Exception("lost");
    }
    finally
    {
        throw new TimeoutException("from finally");
    }
}

static string CatchInsideCatch()
{
    try
    {
        throw new Exception("a");
    }
    catch (Exception a)
    {
        try
        {
            throw new Exception("b");
        }
        catch (Exception b)
        {
            return a.Message + "+" + b.Message;
        }
    }
}

static string NullDereference(string? text) => text!.Length.ToString();

static string Divide(int a, int b) => (a / b).ToString();

static string Index(int[] items, int at) => items[at].ToString();

static string InnerException()
{
    try
    {
        try
        {
            throw new FormatException("root cause");
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("wrapper", e);
        }
    }
    catch (Exception e)
    {
        return e.Message + " <- " + e.InnerException?.GetType().Name + ": " + e.InnerException?.Message;
    }
}

static string UsingDispose()
{
    var events = new List<string>();
    try
    {
        using (new Tracker(events, "r1"))
        using (new Tracker(events, "r2"))
            throw new Exception("in using");
    }
    catch (Exception e)
    {
        events.Add("caught " + e.Message);
    }
    return string.Join(", ", events);
}

static string Recurse(int depth) => depth == 0 ? throw new StackDepthReached() : Recurse(depth - 1);

static int Loop(int count)
{
    int caught = 0;
    for (int i = 0; i < count; i++)
    {
        try
        {
            if (i >= 0)
                throw new ParseError(i);
        }
        catch (ParseError e) when (e.Code == i)
        {
            caught++;
        }
    }
    return caught;
}

static string WhenWithState()
{
    int attempts = 0;
    string result = "";
    while (attempts < 5)
    {
        try
        {
            attempts++;
            if (attempts < 3)
                throw new TimeoutException("attempt " + attempts);
            result = "succeeded after " + attempts;
            break;
        }
        catch (TimeoutException e) when (attempts < 3)
        {
            result = e.Message;
        }
    }
    return result + " (" + Catch2(() => throw new ParseError(-1)) + ")";
}

internal sealed class ParseError(int code) : Exception("parse error " + code)
{
    public int Code { get; } = code;
}

internal sealed class StackDepthReached() : Exception("bottom reached");

internal sealed class Tracker(List<string> events, string name) : IDisposable
{
    public void Dispose() => events.Add("dispose " + name);
}

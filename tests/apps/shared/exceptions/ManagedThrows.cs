using System;
using System.Runtime.CompilerServices;
using static ExceptionTests.Report;

namespace ExceptionTests;

// `throw` in managed code: catch by type, filters, finally, rethrow, exceptions thrown
// inside handlers. Each case records what ran, in order, and checks the sequence.
internal static class ManagedThrows
{
    private static string s_trace = "";

    private static void Note(string step) => s_trace = s_trace.Length == 0 ? step : s_trace + "," + step;

    private static string TakeTrace()
    {
        string trace = s_trace;
        s_trace = "";
        return trace;
    }

    public static void Run()
    {
        CatchByType();
        CatchPicksTheMatchingClause();
        FilterRunsBeforeInnerFinally();
        FinallyOnBothPaths();
        Rethrow();
        ThrowInsideCatch();
        ThrowInsideFinally();
        NestedTryInsideCatch();
        ThrowNull();
        StackTraceNamesTheFramesPassed();
        ExceptionInsideAFilter();
        ThroughAStackallocFrame();
        ThroughDeepRecursion();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Level3(string message) => throw new InvalidOperationException(message);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Level2(string message)
    {
        Level3(message);
        return 2;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Level1(string message) => Level2(message) + 1;

    private static void CatchByType()
    {
        string caught = "none";
        try
        {
            Level1(Opaque("three calls deep"));
            caught = "nothing thrown";
        }
        catch (Exception e)
        {
            caught = e.GetType().FullName + ": " + e.Message;
        }
        Check(caught == "System.InvalidOperationException: three calls deep", "catch by base type across three frames: " + caught);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Classify(Exception toThrow)
    {
        try
        {
            throw toThrow;
        }
        catch (ArgumentOutOfRangeException)
        {
            return "out-of-range";
        }
        catch (ArgumentException)
        {
            return "argument";
        }
        catch (InvalidOperationException)
        {
            return "invalid-operation";
        }
    }

    private static void CatchPicksTheMatchingClause()
    {
        string result = Classify(Opaque(new ArgumentOutOfRangeException("x"))) + "," + Classify(Opaque(new ArgumentException("y")))
            + "," + Classify(Opaque(new InvalidOperationException("z")));
        Check(result == "out-of-range,argument,invalid-operation", "the first matching catch clause runs: " + result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWithFinally(int code)
    {
        try
        {
            Note("throw");
            throw new InvalidOperationException("code " + code.ToString());
        }
        finally
        {
            Note("inner-finally");
        }
    }

    private static bool Accept(Exception e, string expected)
    {
        Note("filter(" + e.Message + ")");
        return e.Message == expected;
    }

    private static void FilterRunsBeforeInnerFinally()
    {
        try
        {
            ThrowWithFinally(Opaque(7));
        }
        catch (InvalidOperationException e) when (Accept(e, "code 6"))
        {
            Note("wrong-catch");
        }
        catch (InvalidOperationException e) when (Accept(e, "code 7"))
        {
            Note("catch");
        }
        string trace = TakeTrace();
        // Both filters run in the first pass, before the second pass unwinds the thrower's finally.
        Check(trace == "throw,filter(code 7),filter(code 7),inner-finally,catch", "filters run before inner finally blocks, then the accepting catch: " + trace);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Nested(bool fail)
    {
        try
        {
            try
            {
                Note("body");
                if (fail)
                    Level3("nested");
            }
            finally
            {
                Note("finally-1");
            }
        }
        finally
        {
            Note("finally-2");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Outer(bool fail)
    {
        try
        {
            Nested(fail);
        }
        finally
        {
            Note("finally-3");
        }
    }

    private static void FinallyOnBothPaths()
    {
        Outer(Opaque(false));
        string normal = TakeTrace();
        try
        {
            Outer(Opaque(true));
        }
        catch (InvalidOperationException)
        {
            Note("caught");
        }
        string thrown = TakeTrace();
        Check(normal == "body,finally-1,finally-2,finally-3" && thrown == "body,finally-1,finally-2,finally-3,caught",
            "finally blocks run innermost first on the normal path (" + normal + ") and while an exception passes (" + thrown + ")");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CatchAndRethrow()
    {
        try
        {
            Level3("rethrown");
        }
        catch (InvalidOperationException)
        {
            Note("inner-catch");
            throw;
        }
        finally
        {
            Note("inner-finally");
        }
    }

    private static void Rethrow()
    {
        Exception? first = null;
        Exception? second = null;
        try
        {
            try
            {
                Level3("rethrown");
            }
            catch (InvalidOperationException e)
            {
                first = e;
                throw;
            }
        }
        catch (InvalidOperationException e)
        {
            second = e;
        }
        try
        {
            CatchAndRethrow();
        }
        catch (Exception e) when (e.Message == "rethrown")
        {
            Note("outer-catch");
        }
        string trace = TakeTrace();
        Check(first is not null && ReferenceEquals(first, second) && trace == "inner-catch,inner-finally,outer-catch",
            "throw; passes the same exception object on to the next handler: " + trace);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string TranslateInCatch()
    {
        try
        {
            try
            {
                Level3("original");
            }
            catch (InvalidOperationException e)
            {
                Note("translate");
                throw new ArgumentException("translated from " + e.Message);
            }
            catch (ArgumentException)
            {
                // A sibling of the running catch: must not take the exception thrown by it.
                Note("sibling");
            }
        }
        catch (ArgumentException e)
        {
            Note("outer");
            return e.Message;
        }
        return "not caught";
    }

    private static void ThrowInsideCatch()
    {
        string inMethod = TranslateInCatch();
        string trace = TakeTrace();
        string inCaller = "not caught";
        try
        {
            try
            {
                Level3("first");
            }
            catch (InvalidOperationException)
            {
                Level3("second, from a catch");
            }
        }
        catch (InvalidOperationException e)
        {
            inCaller = e.Message;
        }
        Check(inMethod == "translated from original" && trace == "translate,outer" && inCaller == "second, from a catch",
            "an exception thrown inside a catch goes to the enclosing handlers, not to the catch's siblings: " + trace + "; " + inCaller);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FinallyThatThrows()
    {
        try
        {
            Level3("lost");
        }
        finally
        {
            Note("finally");
            throw new ArgumentException("from finally");
        }
    }

    private static void ThrowInsideFinally()
    {
        string message = "not caught";
        try
        {
            FinallyThatThrows();
        }
        catch (InvalidOperationException)
        {
            message = "the original exception";
        }
        catch (ArgumentException e)
        {
            message = e.Message;
        }
        string trace = TakeTrace();
        Check(message == "from finally" && trace == "finally", "an exception thrown by a finally block replaces the one passing through: " + message);
    }

    private static void NestedTryInsideCatch()
    {
        string result = "";
        try
        {
            Level3("outer");
        }
        catch (InvalidOperationException outer)
        {
            try
            {
                Level3("inner");
            }
            catch (InvalidOperationException inner)
            {
                result = outer.Message + "+" + inner.Message;
            }
            result += "+after";
        }
        Check(result == "outer+inner+after", "a try/catch inside a catch block: " + result);
    }

    private static void ThrowNull()
    {
        string caught = "none";
        try
        {
            throw Opaque<Exception>(null!);
        }
        catch (NullReferenceException)
        {
            caught = "NullReferenceException";
        }
        Check(caught == "NullReferenceException", "throw null raises NullReferenceException");
    }

    private static void StackTraceNamesTheFramesPassed()
    {
        string? trace = null;
        try
        {
            Level1(Opaque("traced"));
        }
        catch (InvalidOperationException e)
        {
            trace = e.StackTrace;
        }
        string[] lines = (trace ?? "").Split('\n');
        string names = "";
        foreach (string line in lines)
        {
            int plus = line.LastIndexOf('+');
            names += (names.Length == 0 ? "" : ",") + (line.StartsWith("   at ") && plus > 6 ? line.Substring(6, plus - 6) : "?");
        }
        Check(names == "ExceptionTests.ManagedThrows.Level3,ExceptionTests.ManagedThrows.Level2,ExceptionTests.ManagedThrows.Level1,ExceptionTests.ManagedThrows.StackTraceNamesTheFramesPassed",
            "Exception.StackTrace lists the frames from the throw to the catch: " + names);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ThrowingFilter(Exception e)
    {
        try
        {
            throw new ArgumentException("from a filter about " + e.Message);
        }
        finally
        {
            Note("filter-finally");
        }
    }

    private static void ExceptionInsideAFilter()
    {
        string result = "none";
        try
        {
            try
            {
                Level3("filtered");
            }
            catch (InvalidOperationException e) when (ThrowingFilter(e))
            {
                result = "wrong: the filter accepted";
            }
            catch (InvalidOperationException e)
            {
                result = "next clause: " + e.Message;
            }
        }
        catch (ArgumentException)
        {
            result = "wrong: the filter's exception escaped";
        }
        string trace = TakeTrace();
        Check(result == "next clause: filtered" && trace == "filter-finally",
            "an exception thrown inside a filter makes the filter reject and goes no further: " + result + " (" + trace + ")");
    }

    // A variable-size stackalloc gives the method an rbp-based frame: its finally must still
    // see the buffer.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WithStackalloc(int size)
    {
        Span<byte> buffer = stackalloc byte[size];
        buffer[size - 1] = 7;
        try
        {
            Level3("through stackalloc");
        }
        finally
        {
            Note("finally saw " + buffer[size - 1].ToString());
        }
    }

    private static void ThroughAStackallocFrame()
    {
        string caught = "none";
        try
        {
            WithStackalloc(Opaque(300));
        }
        catch (InvalidOperationException e)
        {
            caught = e.Message;
        }
        string trace = TakeTrace();
        Check(caught == "through stackalloc" && trace == "finally saw 7", "a throw through a frame with a variable stackalloc runs its finally: " + trace);
    }

    private static int s_unwound;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(int depth)
    {
        try
        {
            return depth == 0 ? Level2("bottom") : Recurse(depth - 1) + 1;
        }
        finally
        {
            s_unwound++;
        }
    }

    private static void ThroughDeepRecursion()
    {
        s_unwound = 0;
        string caught = "none";
        try
        {
            Recurse(Opaque(500));
        }
        catch (InvalidOperationException e)
        {
            caught = e.Message;
        }
        Check(caught == "bottom" && s_unwound == 501, "a throw through 500 recursive frames runs each one's finally: " + s_unwound.ToString());
    }
}

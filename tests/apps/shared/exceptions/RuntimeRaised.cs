using System;
using System.Runtime.CompilerServices;
using Uk.Alloc;
using static ExceptionTests.Report;

namespace ExceptionTests;

// Exceptions the runtime raises itself, each caught where the program can handle it: from
// CPU faults (a null reference, an integer division by zero), from the code ILC inlines
// (checked arithmetic, array bounds), from the cast helpers and from the allocator.
internal static class RuntimeRaised
{
    private sealed class Holder
    {
        public int Value = 42;
    }

    public static void Run()
    {
        NullReference();
        DivideByZero();
        DivisionOverflow();
        Overflow();
        InvalidCast();
        IndexOutOfRange();
        OutOfMemory();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadField(Holder holder) => holder.Value;

    private static void NullReference()
    {
        int caughtCount = 0;
        int value = 0;
        for (int i = 0; i < 3; i++)
        {
            try
            {
                value += ReadField(Opaque<Holder>(null!));
            }
            catch (NullReferenceException e)
            {
                if (e.Message == "Object reference not set to an instance of an object.")
                    caughtCount++;
            }
        }
        value += ReadField(Opaque(new Holder()));
        Check(caughtCount == 3 && value == 42, "a null dereference (page fault) is a catchable NullReferenceException, 3 times in a row, and the code runs on: " + value.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Divide(int a, int b) => a / b;

    private static void DivideByZero()
    {
        string caught = "none";
        try
        {
            caught = "no exception: " + Divide(Opaque(10), Opaque(0)).ToString();
        }
        catch (DivideByZeroException e)
        {
            caught = e.Message;
        }
        catch (ArithmeticException)
        {
            caught = "wrong clause";
        }
        Check(caught == "Attempted to divide by zero." && Divide(Opaque(10), Opaque(5)) == 2, "integer division by zero (#DE) is a catchable DivideByZeroException: " + caught);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long DivideLong(long a, long b) => a / b;

    // The CPU raises the same divide error as for a zero divisor; .NET throws OverflowException.
    private static void DivisionOverflow()
    {
        string caught = "none";
        try
        {
            caught = "no exception: " + Divide(Opaque(int.MinValue), Opaque(-1)).ToString();
        }
        catch (OverflowException e)
        {
            caught = e.Message;
        }
        try
        {
            caught += " | no exception: " + DivideLong(Opaque(long.MinValue), Opaque(-1L)).ToString();
        }
        catch (OverflowException e)
        {
            caught += " | " + e.GetType().Name;
        }
        Check(caught == "Arithmetic operation resulted in an overflow. | OverflowException" && Divide(Opaque(int.MinValue), Opaque(1)) == int.MinValue,
            "int.MinValue / -1 (#DE) is a catchable OverflowException, for int and long: " + caught);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AddChecked(int a, int b) => checked(a + b);

    private static void Overflow()
    {
        string caught = "none";
        try
        {
            caught = "no exception: " + AddChecked(Opaque(int.MaxValue), Opaque(1)).ToString();
        }
        catch (ArithmeticException e)
        {
            caught = e.GetType().FullName + ": " + e.Message;
        }
        Check(caught == "System.OverflowException: Arithmetic operation resulted in an overflow.", "checked overflow is caught as its base type: " + caught);
    }

    private static void InvalidCast()
    {
        string caught = "none";
        try
        {
            object text = Opaque<object>("text");
            caught = "no exception: " + ((Holder)text).Value.ToString();
        }
        catch (InvalidCastException e)
        {
            caught = e.Message;
        }
        Check(caught.StartsWith("Unable to cast object of type 'System.String'"), "a failed cast is a catchable InvalidCastException: " + caught);
    }

    private static void IndexOutOfRange()
    {
        int[] numbers = Opaque(new int[4]);
        int caughtAt = -1;
        for (int i = 0; i <= numbers.Length; i++)
        {
            try
            {
                numbers[i] = i;
            }
            catch (IndexOutOfRangeException)
            {
                caughtAt = i;
            }
        }
        Check(caughtAt == 4 && numbers[3] == 3, "an index past the end is a catchable IndexOutOfRangeException at index " + caughtAt.ToString());
    }

    private static void OutOfMemory()
    {
        AllocatorStatistics before = Heap.Statistics;
        string caught = "none";
        try
        {
            byte[] huge = new byte[Opaque(1 << 30)];
            caught = "allocated " + huge.Length.ToString();
        }
        catch (OutOfMemoryException e)
        {
            caught = e.GetType().FullName!;
        }
        // At least one refusal: with a collector the allocation is retried once after collecting.
        AllocatorStatistics after = Heap.Statistics;
        byte[] small = new byte[Opaque(1000)];
        Check(caught == "System.OutOfMemoryException" && after.Failures > before.Failures && small.Length == 1000,
            "a `new` the heap cannot serve throws a catchable OutOfMemoryException, and allocation works afterwards: " + caught);
    }
}

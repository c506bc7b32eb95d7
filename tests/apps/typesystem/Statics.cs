using System;
using Uk.Core;

namespace TypeSystem;

// A static constructor ILC cannot run at compile time (it calls into the platform), so the
// runtime must run it at start-up; and GC statics that ILC does preinitialise.
public static class StartupState
{
    public static readonly ulong TimestampAtStart = Plat.ReadTimestampCounter();
    public static readonly string Label = "pre" + "initialised";
    public static readonly int[] Primes = { 2, 3, 5, 7, 11 };
    public static object? Mutable;
}

public static class StaticChecks
{
    public static void Run()
    {
        Checks.True("runtime static constructor ran", StartupState.TimestampAtStart != 0);
        Checks.Equal("preinitialised string static", "preinitialised", StartupState.Label);
        Checks.Equal("preinitialised array static", 28, StartupState.Primes[0] + StartupState.Primes[1] + StartupState.Primes[2] + StartupState.Primes[3] + StartupState.Primes[4]);
        StartupState.Mutable = new Square();
        Checks.True("GC static holds an object", Checks.Opaque(StartupState.Mutable) is Square);
    }
}

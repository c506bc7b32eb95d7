using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace Unikraft.Bench.Net;

// The issue's soak, by hand (`--soak MINUTES`): apps/httpserver under SoakLoads' four loads
// at once for that long, then /stats compared with its reading after a 1-minute warm-up of
// the same loads (SoakReadings.Leaks). The boot test HttpServerSoakBootTests runs the same
// for 5 minutes.
public static class Soak
{
    // True when the guest did not panic and its live objects, heap and threads came back to
    // where they were.
    public static bool Run(string elf, string memory, string device, int minutes)
    {
        // Every host client is 10.0.2.2 through slirp: the per-peer limit must not shed the
        // loads' own connections, so it is lifted to max-connections for the soak.
        using GuestVm vm = GuestVm.Start(memory, device, GuestVm.Unikernel(elf, "-- max-connections-per-peer=512"));
        if (!vm.WaitServing(TimeSpan.FromMinutes(3), out TimeSpan took))
            throw new Boot.BenchException($"not serving after {took.TotalSeconds:0}s; last lines:\n" + vm.LastLines(10));
        Console.WriteLine($"serving after {took.TotalSeconds:0.0}s; a 1 min warm-up, then {minutes} min: keep-alive wrk -c8, close-per-request wrk -c8, abandoned downloads, {SoakLoads.SlowClients} slow clients");
        Print("start", Stats(vm.Port));
        // The figures to compare are taken once the loads have run a while (gc-live is 0
        // before the first collection) and stopped, as the churn boot test does.
        SoakLoadFigures warmLoads = SoakLoads.Run(vm.Port, 60, WrkResult.RunForOutput, null, () => vm.Printed("PANIC"));
        Console.WriteLine("  warm-up loads: " + warmLoads.Describe());
        Dictionary<string, long> warm = SoakReadings.Settled(vm.Port, WrkResult.RunForOutput, () => Stats(vm.Port));
        Print("after the warm-up", warm);
        SoakLoadFigures loads = SoakLoads.Run(vm.Port, minutes * 60, WrkResult.RunForOutput,
            elapsed => Print($"{elapsed.TotalMinutes:0} min", Stats(vm.Port)), () => vm.Printed("PANIC"));
        Console.WriteLine("  loads: " + loads.Describe());
        Dictionary<string, long> end = SoakReadings.Settled(vm.Port, WrkResult.RunForOutput, () => Stats(vm.Port));
        Print("end", end);
        bool panicked = vm.Printed("PANIC");
        List<string> leaks = SoakReadings.Leaks(warm, end, panicked);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up -> end: gc-live {warm["gc-live"]} -> {end["gc-live"]} ({SoakReadings.LiveGrowth(warm, end):+0.0%;-0.0%}), heap-in-use {warm["heap-in-use"]} -> {end["heap-in-use"]}, threads {warm["threads"]} -> {end["threads"]}{(panicked ? "; the guest PANICKED:\n" + vm.LastLines(20) : "")}"));
        foreach (string leak in leaks)
            Console.WriteLine("  FAILED: " + leak);
        return leaks.Count == 0;
    }

    private static Dictionary<string, long> Stats(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return SoakReadings.Parse(http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/stats")).GetAwaiter().GetResult());
    }

    private static void Print(string when, Dictionary<string, long> stats) =>
        Console.WriteLine("  " + when + ": " + SoakReadings.Describe(stats));
}

using System;
using Uk.Core;
using Uk.NetDev;
using Uk.Sched;

namespace Uk.Net;

// The guest's network: one NetStack on the first device, the lock every caller holds, and the
// thread that receives frames and runs the stack's timers. Threads only exist once Main runs,
// so the thread starts on the first use of Lock, Stack or WaitConfigured from a thread; before
// that, init polls the device itself while DHCP runs, and after it nothing answers the wire
// until the application first touches the network.
// Constructed at start-up: device interrupts signal its events.
[System.Runtime.CompilerServices.EagerStaticClassConstruction]
public static class Network
{
    private const int FramesPerTurn = 64;

    private static readonly Mutex s_lock = new Mutex();
    private static readonly Event s_wake = new Event(autoReset: true);
    private static readonly Event s_configured = new Event(autoReset: false);
    private static bool s_started;
    private static INetDevice? s_device;
    private static DeviceLink? s_link;
    private static string s_source = "";

    private static NetStack? s_stack;

    // The stack (null without a network device). Like Lock, first use from a thread starts
    // the network thread.
    public static NetStack? Stack
    {
        get
        {
            EnsureStarted();
            return s_stack;
        }
    }

    public static INetDevice? Device => s_device;

    // TCP on the stack (protocol 6); null without a network device.
    public static Uk.Net.Tcp.TcpLayer? Tcp { get; private set; }

    internal static void AttachTcp(Uk.Net.Tcp.TcpLayer tcp) => Tcp = tcp;

    // Held around every call into the stack, its endpoints and the transports. Changed
    // callbacks run with it held and must only signal.
    public static Mutex Lock
    {
        get
        {
            EnsureStarted();
            return s_lock;
        }
    }

    internal static void Attach(INetDevice device, NetStack stack, DeviceLink link, string source)
    {
        s_device = device;
        s_stack = stack;
        s_link = link;
        s_source = source;
        device.Notify = s_wake.Set;
        stack.LoopbackPending = s_wake.Set;
        stack.ConfigurationChanged = OnConfigurationChanged;
        if (stack.IsConfigured)
            s_configured.Set();
    }

    // Waits until the interface has an address (or deadline, Clock.Monotonic ns); false on
    // timeout or without a network device.
    public static bool WaitConfigured(long deadline)
    {
        NetStack? stack = Stack;
        if (stack is null)
            return false;
        while (!stack.IsConfigured)
        {
            if (!s_configured.Wait(deadline))
                return stack.IsConfigured;
        }
        return true;
    }

    public static void PrintStatistics()
    {
        NetStack? stack = s_stack;
        if (stack is null)
        {
            Console.WriteLine("netstack: no network device");
            return;
        }
        Console.Write(stack.Statistics.Render(nonZeroOnly: true));
        if (Tcp is not null)
            Console.Write(Tcp.Statistics.Render(nonZeroOnly: true));
        if (s_link is not null)
            Console.WriteLine("link-tx-no-buffer " + s_link.NoBuffer.ToString() + "\nlink-tx-ring-full " + s_link.RingFull.ToString());
        if (s_device is not null)
            Console.Write(s_device.Statistics.Render());
    }

    // Drains the device into the stack and runs due timers; returns the frames handled.
    // Callers hold the lock (or run before any thread exists).
    internal static int Poll(long now)
    {
        NetStack stack = s_stack!;
        INetDevice device = s_device!;
        int frames = 0;
        NetBuffer? buffer;
        while (frames < FramesPerTurn && (buffer = device.Receive()) is not null)
        {
            stack.ReceiveFrame(buffer.Span, buffer.ChecksumVerified, now);
            buffer.Release();
            frames++;
        }
        if (stack.NextDeadline <= now)
            stack.Tick(now);
        return frames;
    }

    private static void EnsureStarted()
    {
        if (s_started || s_stack is null || !Scheduler.HasCurrentThread)
            return;
        // Two threads may get here at once under a preemptive scheduler: one starts it.
        ulong flags = Interrupts.Disable();
        bool start = !s_started;
        s_started = true;
        Interrupts.Restore(flags);
        if (start)
            Thread.Start(Run, "network", ThreadPriority.Normal);
    }

    private static void Run()
    {
        long tick = (NetworkOptions.TickMs < 1 ? 1 : NetworkOptions.TickMs) * Clock.NanosecondsPerMillisecond;
        NetStack stack = s_stack!;
        while (true)
        {
            s_lock.Lock();
            long now = Clock.Monotonic;
            int frames = Poll(now);
            long deadline = Math.Min(stack.NextDeadline, now + tick);
            s_lock.Unlock();
            if (frames == FramesPerTurn)
                Thread.Yield(); // more waiting: let the threads the frames woke run first
            else
                s_wake.Wait(deadline);
        }
    }

    internal static void PrintAddress()
    {
        NetStack stack = s_stack!;
        Log.Info("netstack: " + NetConfig.Describe(s_device!.Name, stack, s_source));
        if (!stack.DnsServer.IsAny)
            Log.Info("netstack: dns " + stack.DnsServer.ToString());
    }

    private static void OnConfigurationChanged()
    {
        NetStack stack = s_stack!;
        if (stack.IsConfigured)
        {
            s_configured.Set();
            // Renewals that change nothing are not news.
            if (stack.Dhcp is null || stack.Dhcp.Leases <= 1)
                PrintAddress();
        }
        else
        {
            s_configured.Reset();
            Log.Warn("netstack: " + s_device!.Name + " lost its address");
        }
    }
}

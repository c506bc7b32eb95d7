using Uk.Alloc;
using Uk.Core;
using Uk.Drivers.Pci;
using Uk.Drivers.Virtio;

namespace Uk.Drivers.VirtioRng;

// Claims every virtio entropy function on the bus and, once, asks it for seed bytes that the
// kernel's CSPRNG mixes into its key. The request is polled (drivers start before threads do,
// and one answer is all that is wanted), with a deadline: a device that does not answer is
// logged and the boot goes on with the seed the kernel already has.
public static unsafe class VirtioRngLibrary
{
    private const int MinimumBytes = 8;
    private const int MaximumBytes = 4096;

    public static void Initialize() =>
        PciBus.RegisterDriver("virtio-rng", new PciDriverMatch(VirtioPciIds.Vendor, PciDriverMatch.AnyDevice), Probe);

    private static bool Probe(PciDevice device)
    {
        if (device.DeviceId != VirtioPciIds.Transitional(VirtioPciIds.TypeEntropy) && device.DeviceId != VirtioPciIds.Modern(VirtioPciIds.TypeEntropy))
            return false;
        string at = device.Address.ToString();
        _ = device.Bars;
        device.Enable(busMaster: true, legacyInterrupts: false);
        IVirtioTransport? transport = VirtioSetup.OpenTransport(device);
        if (transport is null)
        {
            Log.Warn("virtio-rng: " + at + ": no usable transport (capabilities or BAR 0 missing)");
            return false;
        }
        if (!VirtioSetup.Negotiate(transport, 0, out _))
        {
            Log.Warn("virtio-rng: " + at + ": feature negotiation refused");
            return false;
        }
        SplitQueue? queue = VirtioSetup.CreateQueue(transport, 0, 8, eventIndex: false);
        if (queue is null)
        {
            VirtioSetup.Fail(transport);
            Log.Warn("virtio-rng: " + at + ": request queue could not be set up");
            return false;
        }
        queue.SuppressInterrupts(true);
        VirtioSetup.Start(transport);

        int wanted = VirtioRngOptions.SeedBytes < MinimumBytes ? MinimumBytes : VirtioRngOptions.SeedBytes > MaximumBytes ? MaximumBytes : VirtioRngOptions.SeedBytes;
        byte* buffer = (byte*)Heap.AllocateAligned((nuint)wanted, 16);
        if (buffer == null)
        {
            Log.Warn("virtio-rng: " + at + ": no memory for " + wanted.ToString() + " seed bytes");
            return true;
        }
        int received = Request(transport, queue, buffer, wanted);
        if (received < MinimumBytes)
            Log.Warn("virtio-rng: " + at + (received < 0 ? ": no answer within " + VirtioRngOptions.TimeoutMs.ToString() + " ms" : ": answered " + received.ToString() + " bytes") + "; booting on without its seed");
        else
            Entropy.AddDeviceSeed(new System.ReadOnlySpan<byte>(buffer, received), "virtio-rng at " + at);
        // The seed is in the generator's key now; no copy stays in memory.
        new System.Span<byte>(buffer, wanted).Clear();
        Heap.Free(buffer);
        return true;
    }

    // The bytes the device wrote, or -1 when it did not answer in time (or answered wrongly).
    private static int Request(IVirtioTransport transport, SplitQueue queue, byte* buffer, int length)
    {
        System.Span<VirtqBuffer> chain = stackalloc VirtqBuffer[1];
        chain[0] = new VirtqBuffer((ulong)buffer, (uint)length, deviceWritable: true);
        if (queue.Submit(chain) < 0)
            return -1;
        transport.Notify(0);
        long deadline = Clock.IsAvailable ? Clock.Monotonic + (long)VirtioRngOptions.TimeoutMs * 1_000_000 : long.MaxValue;
        for (long spins = 0; ; spins++)
        {
            UsedResult result = queue.TryTakeUsed(out _, out uint written);
            if (result == UsedResult.Completed)
                return (int)written;
            if (result == UsedResult.BadLength)
                return -1;
            if (Clock.IsAvailable ? Clock.Monotonic >= deadline : spins > (long)VirtioRngOptions.TimeoutMs * 100_000)
                return -1;
        }
    }
}

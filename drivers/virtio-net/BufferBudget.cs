namespace Uk.Drivers.VirtioNet;

// How many buffers of a size fit in a share of the free heap: the options ask for a number,
// and one the heap cannot hold would end the boot out of memory while the device is set up.
// A count is lowered to what fits, never below the minimum the rings need. Each buffer is
// costed as the allocator may serve it: with its header, rounded up to a power of two (the
// buddy allocator's blocks).
public static class BufferBudget
{
    public static int Fit(int requested, int bufferBytes, ulong budgetBytes, int minimum)
    {
        if (bufferBytes <= 0)
            return requested;
        ulong cost = CostOf(bufferBytes);
        if ((ulong)requested * cost <= budgetBytes)
            return requested;
        ulong fitting = budgetBytes / cost;
        return fitting < (ulong)minimum ? minimum : (int)fitting;
    }

    private static ulong CostOf(int bufferBytes)
    {
        ulong cost = 64;
        while (cost < (ulong)bufferBytes + 64)
            cost <<= 1;
        return cost;
    }
}

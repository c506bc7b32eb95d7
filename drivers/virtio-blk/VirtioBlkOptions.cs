namespace Uk.Drivers.VirtioBlk;

public static class VirtioBlkOptions
{
    public static int QueueSize = 128;
    public static int TimeoutMs = 30000;
}

namespace Uk.Drivers.Vmxnet3;

// Set from the manifest before any init runs.
public static class Vmxnet3Options
{
    public static int RxRingSize = 256;
    public static int TxRingSize = 256;
    public static int RxBuffers = 512;
    public static int TxBuffers = 320;
    public static bool Interrupts = true;
}

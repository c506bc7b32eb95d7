namespace Uk.Drivers.E1000;

// Set from the manifest before any init runs.
public static class E1000Options
{
    public static int RxRingSize = 256;
    public static int TxRingSize = 256;
    public static int RxBuffers = 512;
    public static int TxBuffers = 320;
    public static bool Interrupts = true;
}

namespace Uk.Drivers.VirtioNet;

// Set from the manifest before any init runs; kernel parameters virtio-net.<option>=<value>
// (before "--") override them for one boot (VirtioNetParameters).
public static class VirtioNetOptions
{
    public static int RxQueueSize = 256;
    public static int TxQueueSize = 256;
    public static int RxBuffers = 512;
    public static int RxBufferSize = 2048;
    public static int TxBuffers = 320;
    public static bool ChecksumOffload = true;
    public static bool Mergeable = true;
    public static bool EventIndex = true;
    public static bool Interrupts = true;
}

namespace Uk.Drivers.Vmxnet3;

// The driver-shared area (Vmxnet3_DriverShared, 720 bytes) and the queue descriptor table
// (one transmit and one receive Vmxnet3_*QueueDesc of 256 bytes each) the device reads at
// activation: where the rings are, their sizes, the MTU, interrupts and the receive filter.
// Offsets follow the revision-1 layout (all fields little-endian, naturally aligned).
public static class SharedArea
{
    public const int Bytes = 720;
    public const int QueueTableBytes = 512;
    private const uint Magic = 0xBABEFEE1;

    private const int DriverVersion = 8;
    private const int GuestInfo = 12;
    private const int RevisionSupported = 16;
    private const int UptSupported = 20;
    private const int QueueTable = 40;
    private const int QueueTableLength = 52;
    private const int Mtu = 56;
    private const int MaximumReceiveFragments = 60;
    private const int TransmitQueues = 62;
    private const int ReceiveQueues = 63;
    private const int AutoMask = 80;
    private const int InterruptCount = 81;
    private const int EventInterrupt = 82;
    private const int InterruptControl = 108;
    private const int ReceiveMode = 120;
    public const int EventCause = 696;

    // Transmit queue descriptor (at 0), receive queue descriptor (at 256).
    private const int TxRing = 16;
    private const int TxDataRing = 24;
    private const int TxCompletionRing = 32;
    private const int TxRingSize = 56;
    private const int TxDataRingSize = 60;
    private const int TxCompletionRingSize = 64;
    private const int TxInterrupt = 72;
    private const int RxQueue = 256;
    private const int RxRing0 = RxQueue + 16;
    private const int RxRing1 = RxQueue + 24;
    private const int RxCompletionRing = RxQueue + 32;
    private const int RxRing0Size = RxQueue + 56;
    private const int RxRing1Size = RxQueue + 60;
    private const int RxCompletionRingSize = RxQueue + 64;
    private const int RxInterrupt = RxQueue + 72;

    private const uint ReceiveUnicast = 0x01;
    private const uint ReceiveBroadcast = 0x04;
    public const uint InterruptsDisabled = 1;

    // 64-bit guest (gosBits 2) of type "Linux" (1): nothing here depends on it but the
    // device's guess at what the guest can take, and this guest behaves like Linux's driver.
    private const uint GuestLinux64 = 2 | 1 << 2;

    // Interrupt numbers: with MSI-X receive, transmit and events each have their own; on
    // INTx all three share number 0.
    public const int ReceiveVector = 0;
    public const int TransmitVector = 1;
    public const int EventVector = 2;

    public static void Write(DmaBlock shared, DmaBlock queues, TxQueue tx, RxQueue rx, int mtu, bool interrupts, bool messages)
    {
        shared.Clear();
        queues.Clear();
        shared.Write32(0, Magic);
        shared.Write32(DriverVersion, 1);
        shared.Write32(GuestInfo, GuestLinux64);
        shared.Write32(RevisionSupported, 1);
        shared.Write32(UptSupported, 1);
        shared.Write64(QueueTable, queues.Address);
        shared.Write32(QueueTableLength, QueueTableBytes);
        shared.Write32(Mtu, (uint)mtu);
        shared.Write16(MaximumReceiveFragments, 1);
        shared.Write8(TransmitQueues, 1);
        shared.Write8(ReceiveQueues, 1);
        // Masked by the driver, not by the device, so the driver decides when each comes back.
        shared.Write8(AutoMask, 0);
        shared.Write8(InterruptCount, (byte)(messages ? 3 : 1));
        shared.Write8(EventInterrupt, (byte)(messages ? EventVector : 0));
        shared.Write32(InterruptControl, interrupts ? 0 : InterruptsDisabled);
        shared.Write32(ReceiveMode, ReceiveUnicast | ReceiveBroadcast);

        queues.Write64(TxRing, tx.Ring.Address);
        queues.Write64(TxDataRing, 0);
        queues.Write64(TxCompletionRing, tx.Completions.Address);
        queues.Write32(TxRingSize, (uint)tx.Size);
        queues.Write32(TxDataRingSize, 0);
        queues.Write32(TxCompletionRingSize, (uint)tx.Size);
        queues.Write8(TxInterrupt, (byte)(messages ? TransmitVector : 0));
        queues.Write64(RxRing0, rx.Ring.Address);
        queues.Write64(RxRing1, rx.SpareRing.Address);
        queues.Write64(RxCompletionRing, rx.Completions.Address);
        queues.Write32(RxRing0Size, (uint)rx.Size);
        queues.Write32(RxRing1Size, (uint)rx.SpareSizeInDescriptors);
        queues.Write32(RxCompletionRingSize, (uint)rx.CompletionSize);
        queues.Write8(RxInterrupt, ReceiveVector);
    }
}

namespace Uk.NetDev;

// Counters a driver keeps per interface; printed by the stack's statistics.
public sealed class NetDeviceStatistics
{
    public ulong FramesReceived;
    public ulong BytesReceived;
    public ulong FramesTransmitted;
    public ulong BytesTransmitted;
    // Frames the device delivered that the driver refused (bad length, bad id).
    public ulong ReceiveErrors;
    // Frames lost because no receive buffer was free.
    public ulong ReceiveDropped;
    // Transmit calls refused because the ring was full.
    public ulong TransmitBusy;
    // Frames Transmit took but dropped because no device could send them (too short, longer
    // than the MTU allows, no room for the device header).
    public ulong TransmitErrors;
    // Interrupts that were the device's own (a shared line also calls it for others'); a
    // polled device counts none.
    public ulong Interrupts;

    // "netdev-rx-frames 12\n..." - every counter, zeros included (a zero is a statement).
    public string Render() =>
        "netdev-rx-frames " + FramesReceived.ToString() + "\nnetdev-rx-bytes " + BytesReceived.ToString()
        + "\nnetdev-rx-errors " + ReceiveErrors.ToString() + "\nnetdev-rx-dropped " + ReceiveDropped.ToString()
        + "\nnetdev-tx-frames " + FramesTransmitted.ToString() + "\nnetdev-tx-bytes " + BytesTransmitted.ToString()
        + "\nnetdev-tx-errors " + TransmitErrors.ToString() + "\nnetdev-tx-busy " + TransmitBusy.ToString()
        + "\nnetdev-interrupts " + Interrupts.ToString() + "\n";
}

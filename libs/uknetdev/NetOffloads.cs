using System;

namespace Uk.NetDev;

[Flags]
public enum NetOffloads
{
    None = 0,
    // The device fills in TCP/UDP checksums of frames that ask for it (NetBuffer.ChecksumStart).
    TransmitChecksum = 1,
    // The device marks received frames whose checksums it verified (NetBuffer.ChecksumVerified).
    ReceiveChecksum = 2,
    // Received frames may span several receive buffers, merged by the driver.
    MergeableReceiveBuffers = 4,
}

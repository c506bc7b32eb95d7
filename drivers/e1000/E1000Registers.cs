namespace Uk.Drivers.E1000;

// Register offsets and bits shared by the 8254x and the 82574 (Intel's software developer
// manuals for the 8254x family and the 82574 datasheet), only those this driver uses.
public static class E1000Registers
{
    public const int Control = 0x0000;
    public const int Status = 0x0008;
    public const int EepromRead = 0x0014;
    public const int ExtendedControl = 0x0018;
    public const int InterruptCause = 0x00C0;
    public const int InterruptMaskSet = 0x00D0;
    public const int InterruptMaskClear = 0x00D8;
    // 82574 only: which causes the MSI-X messages clear, and which entry each cause uses.
    public const int MessageAutoClear = 0x00DC;
    public const int InterruptVectors = 0x00E4;
    public const int ReceiveControl = 0x0100;
    public const int TransmitControl = 0x0400;
    public const int TransmitInterPacketGap = 0x0410;
    public const int ReceiveBaseLow = 0x2800;
    public const int ReceiveBaseHigh = 0x2804;
    public const int ReceiveLength = 0x2808;
    public const int ReceiveHead = 0x2810;
    public const int ReceiveTail = 0x2818;
    public const int ReceiveDelayTimer = 0x2820;
    public const int TransmitBaseLow = 0x3800;
    public const int TransmitBaseHigh = 0x3804;
    public const int TransmitLength = 0x3808;
    public const int TransmitHead = 0x3810;
    public const int TransmitTail = 0x3818;
    public const int MissedPackets = 0x4010;
    public const int MulticastTable = 0x5200;
    public const int MulticastTableEntries = 128;
    public const int ReceiveAddressLow = 0x5400;
    public const int ReceiveAddressHigh = 0x5404;

    public const uint ControlSetLinkUp = 1u << 6;
    public const uint ControlReset = 1u << 26;
    public const uint ControlPhyReset = 1u << 31;
    public const uint ControlLinkReset = 1u << 3;
    public const uint ControlVlanMode = 1u << 30;

    public const uint StatusLinkUp = 1u << 1;

    public const uint ReceiveAddressValid = 1u << 31;

    // Interrupt causes (ICR, IMS, IMC).
    public const uint CauseTransmitDone = 1u << 0;
    public const uint CauseLinkChange = 1u << 2;
    public const uint CauseReceiveMinimumThreshold = 1u << 4;
    public const uint CauseReceiveOverrun = 1u << 6;
    public const uint CauseReceiveTimer = 1u << 7;
    public const uint CausesReceive = CauseReceiveTimer | CauseReceiveMinimumThreshold | CauseReceiveOverrun;
    // 82574 with MSI-X: per-queue causes replace the ones above; the rest raise "other".
    public const uint CauseReceiveQueue0 = 1u << 20;
    public const uint CauseTransmitQueue0 = 1u << 22;
    public const uint CauseOther = 1u << 24;

    // An IVAR nibble: the entry number with the valid bit. Receive queue 0 at bits 3:0,
    // transmit queue 0 at 11:8, other causes at 19:16.
    public const uint VectorValid = 1u << 3;
    public const int VectorShiftReceive = 0;
    public const int VectorShiftTransmit = 8;
    public const int VectorShiftOther = 16;

    public const uint ReceiveEnable = 1u << 1;
    public const uint ReceiveBroadcastAccept = 1u << 15;
    // Buffer size field 00 without BSEX: 2048 bytes per descriptor.
    public const int ReceiveBufferBytes = 2048;
    public const uint ReceiveStripCrc = 1u << 26;

    public const uint TransmitEnable = 1u << 1;
    public const uint TransmitPadShort = 1u << 3;
    public const uint TransmitCollisionThreshold = 0x0Fu << 4;
    public const uint TransmitCollisionDistanceFullDuplex = 0x40u << 12;

    // IPGT 10, IPGR1 8, IPGR2 6: the values both manuals give for copper.
    public const uint InterPacketGapCopper = 10u | 8u << 10 | 6u << 20;
}

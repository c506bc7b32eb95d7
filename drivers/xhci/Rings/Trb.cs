namespace Uk.Drivers.Xhci;

// One 16-byte Transfer Request Block (xHCI 1.2, 6.4): a 64-bit parameter, a status dword and
// a control dword holding the cycle bit, the flags and the type.
public readonly struct Trb
{
    public const int Bytes = 16;

    // Types (6.4.6).
    public const int Normal = 1;
    public const int SetupStage = 2;
    public const int DataStage = 3;
    public const int StatusStage = 4;
    public const int Link = 6;
    public const int EnableSlot = 9;
    public const int DisableSlot = 10;
    public const int AddressDevice = 11;
    public const int ConfigureEndpoint = 12;
    public const int EvaluateContext = 13;
    public const int ResetEndpoint = 14;
    public const int SetDequeuePointer = 16;
    public const int NoOp = 23;
    public const int TransferEvent = 32;
    public const int CommandCompletionEvent = 33;
    public const int PortStatusChangeEvent = 34;

    // Control dword flags.
    public const uint Cycle = 1u << 0;
    public const uint ToggleCycle = 1u << 1;
    public const uint InterruptOnShortPacket = 1u << 2;
    public const uint InterruptOnCompletion = 1u << 5;
    public const uint ImmediateData = 1u << 6;
    public const uint DirectionIn = 1u << 16;
    public const int TransferTypeShift = 16;
    public const int SlotShift = 24;

    // Completion codes (6.4.5).
    public const int Success = 1;
    public const int ShortPacket = 13;
    public const int ContextStateError = 19;
    public const int EndpointShift = 16;

    public Trb(ulong parameter, uint status, uint control)
    {
        Parameter = parameter;
        Status = status;
        Control = control;
    }

    public ulong Parameter { get; }

    public uint Status { get; }

    public uint Control { get; }

    public int Type => (int)((Control >> 10) & 0x3F);

    public bool CycleBit => (Control & Cycle) != 0;

    public int SlotId => (int)(Control >> SlotShift);

    // The endpoint's device context index, in transfer events.
    public int EndpointId => (int)((Control >> 16) & 0x1F);

    public int CompletionCode => (int)(Status >> 24);

    // Bytes not transferred, in transfer events.
    public int Residue => (int)(Status & 0xFFFFFF);

    public bool Completed => CompletionCode is Success or ShortPacket;

    public static uint TypeBits(int type) => (uint)type << 10;
}

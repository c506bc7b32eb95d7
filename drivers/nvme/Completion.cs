namespace Uk.Drivers.Nvme;

// One completion queue entry: the command-specific result, the command identifier and the
// 15-bit status field (0: success).
public readonly struct Completion
{
    public Completion(uint result, ushort commandId, ushort status)
    {
        Result = result;
        CommandId = commandId;
        Status = status;
    }

    public uint Result { get; }

    public ushort CommandId { get; }

    public ushort Status { get; }

    public bool Succeeded => Status == 0;

    public int StatusCode => Status & NvmeProtocol.StatusCodeMask;

    public int StatusType => (Status >> NvmeProtocol.StatusTypeShift) & NvmeProtocol.StatusTypeMask;
}

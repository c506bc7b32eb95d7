namespace Uk.Drivers.Nvme;

// One 64-byte submission queue entry, as the driver fills it: the command identifier is set
// by the queue when it is written.
public struct SubmissionEntry
{
    public byte Opcode;
    public uint Namespace;
    public ulong Prp1;
    public ulong Prp2;
    public uint Dword10;
    public uint Dword11;
    public uint Dword12;
    public uint Dword13;
}

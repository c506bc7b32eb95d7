using System;
using Uk.BlkDev;

namespace Uk.Drivers.Nvme;

// One NVMe controller (NVMe 1.4, 7.6.1): reset and enable with the admin queue, Identify
// controller and namespace 1, and one I/O queue pair created by admin commands. Admin
// commands run one at a time, polled, with the request deadline. Restart brings the
// controller back after a command that never completed: disabling it aborts everything in
// flight (the controller stops all DMA), then the queues are made again.
public sealed unsafe class NvmeController
{
    public const int IoQueueId = 1;
    private const int AdminEntries = 8;
    private const int IoEntriesWanted = 32;
    private const int NamespaceId = 1;
    private const int ReadyUnitMs = 500;

    private readonly INvmeRegisters _registers;
    private readonly bool _interrupts;
    private readonly bool _maskDuringSetup;
    private QueuePair? _admin;
    private byte* _identify;

    // interrupts: the I/O completion queue signals vector 0. maskDuringSetup: vector 0 is MSI
    // or INTx, held off with INTMS while admin commands are polled.
    public NvmeController(INvmeRegisters registers, bool interrupts, bool maskDuringSetup = false)
    {
        _registers = registers;
        _interrupts = interrupts;
        _maskDuringSetup = maskDuringSetup;
    }

    public INvmeRegisters Registers => _registers;

    public ulong Capabilities { get; private set; }

    public int DoorbellStride { get; private set; }

    // "1.4" from the version register.
    public string Version
    {
        get
        {
            uint version = _registers.Read(NvmeRegisters.Version);
            uint tertiary = version & 0xFF;
            return (version >> 16).ToString() + "." + ((version >> 8) & 0xFF).ToString() + (tertiary != 0 ? "." + tertiary.ToString() : "");
        }
    }

    public QueuePair? Io { get; private set; }

    public NvmeIdentity? Identity { get; private set; }

    // The status of the last admin command that failed, for the log.
    public ushort LastAdminStatus { get; private set; }

    // Milliseconds the controller may take to become ready or to stop (CAP.TO).
    public int ReadyTimeoutMs { get; private set; }

    // Reset, enable, identify, make the I/O queues. False, with the reason, when any step fails.
    public bool Start(out string refusal)
    {
        Capabilities = Read64(NvmeRegisters.Capabilities);
        DoorbellStride = 4 << (int)((Capabilities >> NvmeRegisters.CapabilitiesStrideShift) & 0xF);
        ReadyTimeoutMs = Math.Max(1, (int)((Capabilities >> NvmeRegisters.CapabilitiesTimeoutShift) & 0xFF)) * ReadyUnitMs;
        int entryLimit = (int)(Capabilities & NvmeRegisters.CapabilitiesQueueEntriesMask) + 1;
        if ((Capabilities & NvmeRegisters.CapabilitiesNvmCommandSet) == 0)
        {
            refusal = "the controller does not support the NVM command set";
            return false;
        }
        if (((Capabilities >> NvmeRegisters.CapabilitiesPageMinimumShift) & 0xF) != 0)
        {
            refusal = "the controller does not support 4 KiB memory pages";
            return false;
        }
        _admin = QueuePair.Allocate(_registers, 0, Math.Min(AdminEntries, entryLimit), DoorbellStride);
        Io = QueuePair.Allocate(_registers, IoQueueId, Math.Min(IoEntriesWanted, entryLimit), DoorbellStride);
        _identify = DmaMemory.Zeroed(2 * NvmeIdentity.Bytes, NvmeProtocol.PageSize);
        if (_admin is null || Io is null || _identify == null)
        {
            refusal = "no memory for the queues";
            return false;
        }
        MaskInterrupt(true);
        bool started = Bringup(out refusal);
        MaskInterrupt(false);
        return started;
    }

    private bool Bringup(out string refusal)
    {
        if (!Disable())
        {
            refusal = "the controller did not stop (CSTS 0x" + _registers.Read(NvmeRegisters.Status).ToString("x") + ")";
            return false;
        }
        if (!Enable())
        {
            refusal = "the controller did not become ready (CSTS 0x" + _registers.Read(NvmeRegisters.Status).ToString("x") + ")";
            return false;
        }
        if (!Identify(out refusal))
            return false;
        if (!CreateIoQueues())
        {
            refusal = "creating the I/O queues failed, status 0x" + LastAdminStatus.ToString("x");
            return false;
        }
        return true;
    }

    // After a command passed its deadline: the controller is disabled (which aborts every
    // command and stops its DMA), enabled again and the I/O queues made anew. False when the
    // controller does not come back.
    public bool Restart()
    {
        if (_admin is null || Io is null)
            return false;
        MaskInterrupt(true);
        bool restarted = Disable() && Enable() && CreateIoQueues();
        MaskInterrupt(false);
        return restarted;
    }

    private void MaskInterrupt(bool masked)
    {
        if (_maskDuringSetup)
            _registers.Write(masked ? NvmeRegisters.InterruptMaskSet : NvmeRegisters.InterruptMaskClear, 1);
    }

    private bool Identify(out string refusal)
    {
        var controller = new SubmissionEntry { Opcode = NvmeProtocol.AdminIdentify, Prp1 = (ulong)_identify, Dword10 = NvmeProtocol.IdentifyController };
        var ns = new SubmissionEntry { Opcode = NvmeProtocol.AdminIdentify, Namespace = NamespaceId, Prp1 = (ulong)(_identify + NvmeIdentity.Bytes), Dword10 = NvmeProtocol.IdentifyNamespace };
        if (!RunAdmin(controller) || !RunAdmin(ns))
        {
            refusal = "Identify failed, status 0x" + LastAdminStatus.ToString("x");
            return false;
        }
        Identity = NvmeIdentity.Parse(new ReadOnlySpan<byte>(_identify, NvmeIdentity.Bytes), new ReadOnlySpan<byte>(_identify + NvmeIdentity.Bytes, NvmeIdentity.Bytes), out refusal);
        return Identity is not null;
    }

    // Asks for one queue pair (the controller may grant more; one is used), then the
    // completion queue, then the submission queue that posts to it.
    private bool CreateIoQueues()
    {
        QueuePair io = Io!;
        io.Reset();
        uint size = (uint)(io.Entries - 1) << 16 | IoQueueId;
        var queues = new SubmissionEntry { Opcode = NvmeProtocol.AdminSetFeatures, Dword10 = NvmeProtocol.FeatureNumberOfQueues, Dword11 = 0 };
        var completion = new SubmissionEntry
        {
            Opcode = NvmeProtocol.AdminCreateCompletionQueue,
            Prp1 = io.CompletionAddress,
            Dword10 = size,
            // Interrupt vector 0: the MSI-X entry, the MSI message or INTx.
            Dword11 = NvmeProtocol.QueueContiguous | (_interrupts ? NvmeProtocol.QueueInterruptsEnabled : 0),
        };
        var submission = new SubmissionEntry
        {
            Opcode = NvmeProtocol.AdminCreateSubmissionQueue,
            Prp1 = io.SubmissionAddress,
            Dword10 = size,
            Dword11 = (uint)IoQueueId << 16 | NvmeProtocol.QueueContiguous,
        };
        return RunAdmin(queues) && RunAdmin(completion) && RunAdmin(submission);
    }

    private bool Disable()
    {
        _registers.Write(NvmeRegisters.Configuration, _registers.Read(NvmeRegisters.Configuration) & ~NvmeRegisters.ConfigurationEnable);
        return WaitForReady(false);
    }

    private bool Enable()
    {
        QueuePair admin = _admin!;
        admin.Reset();
        uint size = (uint)(admin.Entries - 1);
        _registers.Write(NvmeRegisters.AdminQueueAttributes, size << 16 | size);
        Write64(NvmeRegisters.AdminSubmissionQueue, admin.SubmissionAddress);
        Write64(NvmeRegisters.AdminCompletionQueue, admin.CompletionAddress);
        _registers.Write(NvmeRegisters.Configuration, NvmeRegisters.ConfigurationEntrySizes | NvmeRegisters.ConfigurationEnable);
        return WaitForReady(true);
    }

    // CSTS.RDY to reach the wanted state within CAP.TO; a fatal status ends the wait early.
    private bool WaitForReady(bool ready)
    {
        long deadline = Deadline.After(ReadyTimeoutMs);
        for (long polls = 0; ; polls++)
        {
            uint status = _registers.Read(NvmeRegisters.Status);
            if (((status & NvmeRegisters.StatusReady) != 0) == ready)
                return true;
            if (ready && (status & NvmeRegisters.StatusFatal) != 0 || Deadline.Passed(deadline, polls, ReadyTimeoutMs))
                return false;
        }
    }

    private bool RunAdmin(in SubmissionEntry entry)
    {
        QueuePair admin = _admin!;
        ushort id = admin.Submit(entry);
        long deadline = Deadline.After(NvmeOptions.TimeoutMs);
        for (long polls = 0; ; polls++)
        {
            if (admin.TryTake(out Completion completion))
            {
                if (completion.CommandId != id)
                    continue;
                if (!completion.Succeeded)
                    LastAdminStatus = completion.Status;
                return completion.Succeeded;
            }
            if (Deadline.Passed(deadline, polls, NvmeOptions.TimeoutMs))
            {
                LastAdminStatus = 0xFFFF;
                return false;
            }
        }
    }

    private ulong Read64(int offset) => _registers.Read(offset) | (ulong)_registers.Read(offset + 4) << 32;

    private void Write64(int offset, ulong value)
    {
        _registers.Write(offset, (uint)value);
        _registers.Write(offset + 4, (uint)(value >> 32));
    }
}

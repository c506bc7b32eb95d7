using System.Runtime.InteropServices;
using System.Text;
using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// A simulated NVMe 1.4 controller with one namespace. Registers behave as the specification
// says for what the driver uses (CC.EN and CSTS.RDY, AQA/ASQ/ACQ, INTMS/INTMC, doorbells with
// stride 4); ringing a submission doorbell makes it read the entries from memory (addresses
// are host pointers), run them - the admin commands of bring-up, Read, Write, Flush with
// their PRP entries and lists - and post completions with the phase bit, wrapping round the
// completion ring as a controller does. Every command it ran is kept for the tests.
internal sealed unsafe class FakeNvme : INvmeRegisters
{
    private const int Stride = 4;
    private readonly Dictionary<int, uint> _registers = new();
    private readonly FakeQueue?[] _submission = new FakeQueue?[2];
    private readonly FakeQueue?[] _completion = new FakeQueue?[2];
    private readonly Queue<(int Queue, Command Command)> _deferred = new();

    public FakeNvme(FakeNamespace ns, int maximumEntries = 64, bool nvmCommandSet = true, int transferShift = 0, bool writeCache = true)
    {
        Namespace = ns;
        TransferShift = transferShift;
        WriteCache = writeCache;
        ulong capabilities = (ulong)(maximumEntries - 1) | 1UL << NvmeRegisters.CapabilitiesTimeoutShift | (nvmCommandSet ? NvmeRegisters.CapabilitiesNvmCommandSet : 0);
        _registers[NvmeRegisters.Capabilities] = (uint)capabilities;
        _registers[NvmeRegisters.Capabilities + 4] = (uint)(capabilities >> 32);
        _registers[NvmeRegisters.Version] = 0x0001_0400;
        // Left enabled by the firmware, as a controller often is when an OS takes over.
        _registers[NvmeRegisters.Configuration] = NvmeRegisters.ConfigurationEnable;
        _registers[NvmeRegisters.Status] = NvmeRegisters.StatusReady;
    }

    public FakeNamespace Namespace { get; }

    public int TransferShift { get; }

    public bool WriteCache { get; }

    // Every register write, in order.
    public List<(int Offset, uint Value)> Writes { get; } = new();

    public List<Command> AdminCommands { get; } = new();

    public List<Command> IoCommands { get; } = new();

    // Commands are taken but never completed (a hung controller) until a reset.
    public bool Hang { get; set; }

    // Commands wait until Complete() (to drive the interrupt path step by step).
    public bool Deferred { get; set; }

    // CSTS.RDY never follows CC.EN.
    public bool NeverReady { get; set; }

    // The next I/O command completes with this status field (type << 8 | code).
    public ushort? FailNextWith { get; set; }

    // The I/O completion queue as created: entries, interrupts enabled, vector.
    public int IoEntries { get; private set; }

    public bool IoInterruptsEnabled { get; private set; }

    public bool InterruptMasked { get; private set; }

    // Times CC.EN went from one to zero (controller resets).
    public int Resets { get; private set; }

    // Interrupts the controller sent for the I/O completion queue.
    public int InterruptsSent { get; private set; }

    // Times the phase bit posted on the I/O completion queue changed: the ring wrapped.
    public int IoCompletionWraps { get; private set; }

    // Runs when the controller signals the I/O queue's interrupt.
    public Action? Interrupt { get; set; }

    public uint Read(int offset) => _registers.TryGetValue(offset, out uint value) ? value : 0;

    public void Write(int offset, uint value)
    {
        Writes.Add((offset, value));
        if (offset >= NvmeRegisters.Doorbells)
        {
            Doorbell((offset - NvmeRegisters.Doorbells) / Stride, value);
            return;
        }
        switch (offset)
        {
            case NvmeRegisters.Configuration:
                Configure(value);
                return;
            case NvmeRegisters.InterruptMaskSet:
                InterruptMasked = true;
                return;
            case NvmeRegisters.InterruptMaskClear:
                InterruptMasked = false;
                return;
            default:
                _registers[offset] = value;
                return;
        }
    }

    // Completes the oldest deferred command.
    public void Complete()
    {
        (int queue, Command command) = _deferred.Dequeue();
        Finish(queue, command);
    }

    private void Configure(uint value)
    {
        bool was = (Read(NvmeRegisters.Configuration) & NvmeRegisters.ConfigurationEnable) != 0;
        bool now = (value & NvmeRegisters.ConfigurationEnable) != 0;
        _registers[NvmeRegisters.Configuration] = value;
        if (was && !now)
        {
            Resets++;
            Array.Clear(_submission);
            Array.Clear(_completion);
            _deferred.Clear();
            _registers[NvmeRegisters.Status] = 0;
        }
        if (!was && now && !NeverReady)
        {
            Assert.Equal(NvmeRegisters.ConfigurationEntrySizes, value & 0x00FF_0000u);
            uint attributes = Read(NvmeRegisters.AdminQueueAttributes);
            int submissionEntries = (int)(attributes & 0xFFF) + 1;
            int completionEntries = (int)((attributes >> 16) & 0xFFF) + 1;
            _completion[0] = new FakeQueue(Read64(NvmeRegisters.AdminCompletionQueue), completionEntries, 0, true);
            _submission[0] = new FakeQueue(Read64(NvmeRegisters.AdminSubmissionQueue), submissionEntries, 0, false);
            _registers[NvmeRegisters.Status] = NvmeRegisters.StatusReady;
        }
    }

    private void Doorbell(int index, uint value)
    {
        int queue = index / 2;
        if (index % 2 == 1)
        {
            FakeQueue completion = _completion[queue] ?? throw new InvalidOperationException("head doorbell of a queue that does not exist");
            completion.Head = (int)value;
            return;
        }
        FakeQueue submission = _submission[queue] ?? throw new InvalidOperationException("tail doorbell of a queue that does not exist");
        while (submission.Head != (int)value)
        {
            Command command = Command.At(submission.Address + (ulong)(submission.Head * 64));
            submission.Head = (submission.Head + 1) % submission.Entries;
            (queue == 0 ? AdminCommands : IoCommands).Add(command);
            if (queue != 0 && Hang)
                continue;
            if (queue != 0 && Deferred)
                _deferred.Enqueue((queue, command));
            else
                Finish(queue, command);
        }
    }

    private void Finish(int queue, Command command)
    {
        uint result = 0;
        ushort status = queue == 0 ? RunAdmin(command, ref result) : RunIo(command);
        FakeQueue completion = _completion[queue]!;
        byte* entry = (byte*)completion.Address + completion.Tail * 16;
        *(uint*)entry = result;
        *(uint*)(entry + 8) = (uint)_submission[queue]!.Head | (uint)queue << 16;
        *(uint*)(entry + 12) = command.Id | (completion.Phase ? 1u << 16 : 0) | (uint)status << 17;
        completion.Tail++;
        if (completion.Tail == completion.Entries)
        {
            completion.Tail = 0;
            completion.Phase = !completion.Phase;
            if (queue != 0)
                IoCompletionWraps++;
        }
        if (queue != 0 && completion.InterruptsEnabled && !InterruptMasked)
        {
            InterruptsSent++;
            Interrupt?.Invoke();
        }
    }

    private ushort RunAdmin(Command command, ref uint result)
    {
        switch (command.Opcode)
        {
            case NvmeProtocol.AdminIdentify when command.Dword10 == NvmeProtocol.IdentifyController:
                new ReadOnlySpan<byte>(ControllerData()).CopyTo(new Span<byte>((void*)command.Prp1, 4096));
                return 0;
            case NvmeProtocol.AdminIdentify when command.Dword10 == NvmeProtocol.IdentifyNamespace:
                if (command.Namespace != 1)
                    return 0x0B;
                new ReadOnlySpan<byte>(Namespace.Identify).CopyTo(new Span<byte>((void*)command.Prp1, 4096));
                return 0;
            case NvmeProtocol.AdminSetFeatures:
                result = 0x003F_003F;
                return 0;
            case NvmeProtocol.AdminCreateCompletionQueue:
                IoEntries = (int)(command.Dword10 >> 16) + 1;
                IoInterruptsEnabled = (command.Dword11 & NvmeProtocol.QueueInterruptsEnabled) != 0;
                Assert.Equal(0u, command.Dword11 >> 16);
                _completion[command.Dword10 & 0xFFFF] = new FakeQueue(command.Prp1, IoEntries, (int)(command.Dword10 & 0xFFFF), IoInterruptsEnabled);
                return 0;
            case NvmeProtocol.AdminCreateSubmissionQueue:
                Assert.NotNull(_completion[command.Dword11 >> 16]);
                _submission[command.Dword10 & 0xFFFF] = new FakeQueue(command.Prp1, (int)(command.Dword10 >> 16) + 1, (int)(command.Dword11 >> 16), false);
                return 0;
            default:
                return 0x01; // invalid opcode
        }
    }

    private ushort RunIo(Command command)
    {
        if (FailNextWith is ushort failure)
        {
            FailNextWith = null;
            return failure;
        }
        if (command.Opcode == NvmeProtocol.Flush)
        {
            Namespace.Flushes++;
            return 0;
        }
        ulong lba = command.Dword10 | (ulong)command.Dword11 << 32;
        int sectors = (int)(command.Dword12 & 0xFFFF) + 1;
        if (lba + (ulong)sectors > Namespace.SectorCount)
            return NvmeProtocol.StatusLbaOutOfRange;
        int bytes = sectors * Namespace.SectorSize;
        Span<byte> disk = Namespace.Bytes.AsSpan((int)lba * Namespace.SectorSize, bytes);
        int done = 0;
        foreach ((ulong address, int length) in command.Segments(bytes))
        {
            var memory = new Span<byte>((void*)address, length);
            if (command.Opcode == NvmeProtocol.Read)
                disk.Slice(done, length).CopyTo(memory);
            else
                memory.CopyTo(disk.Slice(done, length));
            done += length;
        }
        return 0;
    }

    private byte[] ControllerData()
    {
        var data = new byte[4096];
        Encoding.ASCII.GetBytes("FAKE0001".PadRight(20)).CopyTo(data, 4);
        Encoding.ASCII.GetBytes("FAKE NVME CONTROLLER".PadRight(40)).CopyTo(data, 24);
        data[77] = (byte)TransferShift;
        data[516] = 1;
        data[525] = (byte)(WriteCache ? 1 : 0);
        return data;
    }

    private ulong Read64(int offset) => Read(offset) | (ulong)Read(offset + 4) << 32;

    private sealed class FakeQueue(ulong address, int entries, int id, bool interrupts)
    {
        public ulong Address { get; } = address;

        public int Entries { get; } = entries;

        public int Id { get; } = id;

        public bool InterruptsEnabled { get; } = interrupts;

        public int Head { get; set; }

        public int Tail { get; set; }

        public bool Phase { get; set; } = true;
    }
}

// A submission queue entry as the controller read it.
internal sealed unsafe record Command(byte Opcode, ushort Id, uint Namespace, ulong Prp1, ulong Prp2, uint Dword10, uint Dword11, uint Dword12)
{
    public static Command At(ulong address)
    {
        byte* entry = (byte*)address;
        uint first = *(uint*)entry;
        return new Command((byte)first, (ushort)(first >> 16), *(uint*)(entry + 4), *(ulong*)(entry + 24), *(ulong*)(entry + 32),
            *(uint*)(entry + 40), *(uint*)(entry + 44), *(uint*)(entry + 48));
    }

    // The PRP list entries, when PRP2 points at a list (the transfer spans more than two pages).
    public ulong[] ListEntries(int bytes)
    {
        int first = 4096 - (int)(Prp1 & 4095);
        int rest = bytes - first;
        if (rest <= 4096)
            return [];
        Assert.Equal(0ul, Prp2 & 4095);
        int count = (rest + 4095) / 4096;
        Assert.True(count <= 512, "one list page holds 512 entries");
        var entries = new ulong[count];
        for (int i = 0; i < count; i++)
            entries[i] = ((ulong*)Prp2)[i];
        return entries;
    }

    // Where the data is, as the controller walks PRP1, PRP2 and the list: every page after
    // the first must start on a page boundary.
    public IEnumerable<(ulong Address, int Length)> Segments(int bytes)
    {
        Assert.Equal(0ul, Prp1 & 3);
        int first = Math.Min(bytes, 4096 - (int)(Prp1 & 4095));
        var segments = new List<(ulong, int)> { (Prp1, first) };
        int rest = bytes - first;
        if (rest == 0)
            return segments;
        ulong[] pages = rest <= 4096 ? [Prp2] : ListEntries(bytes);
        foreach (ulong page in pages)
        {
            Assert.Equal(0ul, page & 4095);
            int length = Math.Min(rest, 4096);
            segments.Add((page, length));
            rest -= length;
        }
        return segments;
    }
}

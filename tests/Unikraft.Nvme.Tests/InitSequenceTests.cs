using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// Bring-up as NVMe 1.4, 7.6.1 orders it: the controller (left enabled by the firmware) is
// disabled and seen stopped, the admin queue is set up and the controller enabled, then
// Identify controller and namespace 1, the queue count, the I/O completion queue and the
// submission queue that posts to it.
public sealed class InitSequenceTests
{
    [Fact]
    public void TheControllerIsResetEnabledIdentifiedAndGivenAnIoQueuePair()
    {
        var fake = new FakeNvme(new FakeNamespace(4096));
        var controller = new NvmeController(fake, interrupts: true);

        Assert.True(controller.Start(out string refusal), refusal);

        var registerWrites = fake.Writes.Where(w => w.Offset < NvmeRegisters.Doorbells).Select(w => w.Offset).ToList();
        Assert.Equal(
            [NvmeRegisters.Configuration, NvmeRegisters.AdminQueueAttributes, NvmeRegisters.AdminSubmissionQueue, NvmeRegisters.AdminSubmissionQueue + 4,
             NvmeRegisters.AdminCompletionQueue, NvmeRegisters.AdminCompletionQueue + 4, NvmeRegisters.Configuration],
            registerWrites);
        Assert.Equal(0u, fake.Writes[0].Value & NvmeRegisters.ConfigurationEnable);
        Assert.Equal(NvmeRegisters.ConfigurationEntrySizes | NvmeRegisters.ConfigurationEnable, fake.Writes.Last(w => w.Offset == NvmeRegisters.Configuration).Value);
        Assert.Equal(1, fake.Resets);
        Assert.Equal(
            [NvmeProtocol.AdminIdentify, NvmeProtocol.AdminIdentify, NvmeProtocol.AdminSetFeatures, NvmeProtocol.AdminCreateCompletionQueue, NvmeProtocol.AdminCreateSubmissionQueue],
            fake.AdminCommands.Select(c => c.Opcode));
        Assert.Equal(NvmeProtocol.IdentifyController, fake.AdminCommands[0].Dword10);
        Assert.Equal(NvmeProtocol.IdentifyNamespace, fake.AdminCommands[1].Dword10);
        Assert.Equal(1u, fake.AdminCommands[1].Namespace);
        Assert.Equal(NvmeProtocol.FeatureNumberOfQueues, fake.AdminCommands[2].Dword10);
        Assert.Equal(0u, fake.AdminCommands[2].Dword11);
        Command completion = fake.AdminCommands[3];
        Command submission = fake.AdminCommands[4];
        Assert.Equal(31u << 16 | 1, completion.Dword10);
        Assert.Equal(controller.Io!.CompletionAddress, completion.Prp1);
        Assert.Equal(controller.Io.SubmissionAddress, submission.Prp1);
        Assert.Equal(1u << 16 | NvmeProtocol.QueueContiguous, submission.Dword11);
        Assert.Equal(0ul, controller.Io.SubmissionAddress % 4096);
        Assert.Equal(0ul, controller.Io.CompletionAddress % 4096);
        Assert.Equal(32, fake.IoEntries);
        Assert.True(fake.IoInterruptsEnabled);
        Assert.Equal("1.4", controller.Version);
        Assert.Equal(4, controller.DoorbellStride);
    }

    [Fact]
    public void QueuesAreNoLargerThanTheControllerAllows()
    {
        var fake = new FakeNvme(new FakeNamespace(64), maximumEntries: 4);
        var controller = new NvmeController(fake, interrupts: false);

        Assert.True(controller.Start(out _));

        Assert.Equal(4, controller.Io!.Entries);
        Assert.Equal(4, fake.IoEntries);
        Assert.False(fake.IoInterruptsEnabled);
        Assert.Equal(3u << 16 | 3, fake.Writes.Single(w => w.Offset == NvmeRegisters.AdminQueueAttributes).Value);
    }

    [Fact]
    public void AControllerThatNeverBecomesReadyIsRefusedWithItsStatus()
    {
        var fake = new FakeNvme(new FakeNamespace(64)) { NeverReady = true };
        var controller = new NvmeController(fake, interrupts: false);

        Assert.False(controller.Start(out string refusal));

        Assert.Equal("the controller did not become ready (CSTS 0x0)", refusal);
        Assert.Empty(fake.AdminCommands);
    }

    [Fact]
    public void AControllerWithoutTheNvmCommandSetIsRefused()
    {
        var fake = new FakeNvme(new FakeNamespace(64), nvmCommandSet: false);

        Assert.False(new NvmeController(fake, interrupts: false).Start(out string refusal));

        Assert.Equal("the controller does not support the NVM command set", refusal);
        Assert.Empty(fake.Writes);
    }

    // MSI or INTx (not MSI-X) is held off while admin commands are polled, so a level line
    // cannot fire over and over before the disk exists; it is let through afterwards.
    [Fact]
    public void AMaskableInterruptIsMaskedDuringBringUpAndUnmaskedAfter()
    {
        var fake = new FakeNvme(new FakeNamespace(64));

        Assert.True(new NvmeController(fake, interrupts: true, maskDuringSetup: true).Start(out _));

        Assert.Equal(NvmeRegisters.InterruptMaskSet, fake.Writes.First().Offset);
        Assert.Equal(NvmeRegisters.InterruptMaskClear, fake.Writes.Last().Offset);
        Assert.False(fake.InterruptMasked);
    }
}

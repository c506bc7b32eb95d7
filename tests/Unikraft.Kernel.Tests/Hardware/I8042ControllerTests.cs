using Uk.Drivers.I8042;

namespace Unikraft.Kernel.Tests.Hardware;

// The 8042's initialization over a simulated controller: the state it leaves (translation on,
// interrupts off, mouse port off, keyboard scanning), the order of its steps, and each way a
// controller can be missing or broken ending in a status, with bounded waits and without
// enabling a keyboard it cannot trust.
public sealed class I8042ControllerTests
{
    [Fact]
    public void LeavesTranslationOnInterruptsOffAndTheMousePortOff()
    {
        var fake = new FakeI8042();
        fake.Leave(0x1E, 0x9E);

        var controller = new I8042Controller(fake);
        Assert.Equal(I8042Status.Ready, controller.Initialize());

        byte configuration = fake.Configuration;
        Assert.NotEqual(0, configuration & I8042Controller.Translation);
        Assert.NotEqual(0, configuration & I8042Controller.SecondPortClockOff);
        Assert.Equal(0, configuration & (I8042Controller.FirstPortInterrupt | I8042Controller.SecondPortInterrupt));
        Assert.True(fake.FirstPortEnabled);
        Assert.True(fake.Scanning);
        // The stale key from before is gone: nothing is read until a key is pressed.
        Assert.False(controller.TryReadKeyboard(out _));
    }

    [Fact]
    public void DisablesBothPortsFirstAndTestsBeforeEnablingTheKeyboardPort()
    {
        var fake = new FakeI8042();
        Assert.Equal(I8042Status.Ready, new I8042Controller(fake).Initialize());

        List<byte> commands = fake.Commands;
        Assert.Equal([I8042Controller.DisableFirstPort, I8042Controller.DisableSecondPort], commands.Take(2));
        int selfTest = commands.IndexOf(I8042Controller.SelfTest);
        int portTest = commands.IndexOf(I8042Controller.TestFirstPort);
        int enable = commands.IndexOf(I8042Controller.EnableFirstPort);
        Assert.True(selfTest > 1 && portTest > selfTest && enable > portTest, string.Join(" ", commands.Select(c => c.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void KeepsTranslationWhenTheSelfTestResetsTheConfiguration()
    {
        var fake = new FakeI8042 { ResetsConfigurationInSelfTest = true };
        Assert.Equal(I8042Status.Ready, new I8042Controller(fake).Initialize());
        Assert.NotEqual(0, fake.Configuration & I8042Controller.Translation);
        Assert.True(fake.FirstPortEnabled);
    }

    [Fact]
    public void AFailedSelfTestIsReportedWithItsAnswerAndTheKeyboardPortStaysOff()
    {
        var fake = new FakeI8042 { SelfTestAnswer = 0xFC };
        var controller = new I8042Controller(fake);

        Assert.Equal(I8042Status.SelfTestFailed, controller.Initialize());
        Assert.Equal(0xFC, controller.FailureCode);
        Assert.DoesNotContain(I8042Controller.EnableFirstPort, fake.Commands);
        Assert.False(fake.FirstPortEnabled);
        Assert.Contains("0xFC", I8042StatusText.Describe(I8042Status.SelfTestFailed, controller.FailureCode));
    }

    [Fact]
    public void AFailedPortTestIsReportedAndTheKeyboardPortStaysOff()
    {
        var fake = new FakeI8042 { PortTestAnswer = 0x01 };
        var controller = new I8042Controller(fake);

        Assert.Equal(I8042Status.PortTestFailed, controller.Initialize());
        Assert.Equal(0x01, controller.FailureCode);
        Assert.False(fake.FirstPortEnabled);
    }

    [Fact]
    public void AnAbsentControllerIsNoticedAtTheFirstReadAndNothingIsWritten()
    {
        var fake = new FakeI8042 { Absent = true };
        Assert.Equal(I8042Status.NotResponding, new I8042Controller(fake).Initialize());
        Assert.Equal(0, fake.Writes);
        Assert.Equal(1, fake.Reads);
    }

    [Fact]
    public void AControllerThatTakesNoCommandEndsAfterABoundedWait()
    {
        var fake = new FakeI8042 { Stuck = true };
        Assert.Equal(I8042Status.NotResponding, new I8042Controller(fake, waitPolls: 1000).Initialize());
        Assert.InRange(fake.Reads, 1000, 1001);
        Assert.Equal(0, fake.Writes);
    }

    [Fact]
    public void NoKeyboardOnThePortIsReported()
    {
        var fake = new FakeI8042 { KeyboardAttached = false };
        Assert.Equal(I8042Status.NoKeyboard, new I8042Controller(fake, waitPolls: 1000).Initialize());
    }

    [Fact]
    public void TheKeyboardInterruptIsTurnedOnAloneAndBackOff()
    {
        var fake = new FakeI8042();
        var controller = new I8042Controller(fake);
        Assert.Equal(I8042Status.Ready, controller.Initialize());
        byte before = fake.Configuration;

        // A key pressed before: its scan code waits in the output buffer, where the answer to
        // "read configuration" would go; neither may be taken for the other.
        fake.Type(0x1E);
        Assert.True(controller.SetKeyboardInterrupt(true));
        Assert.Equal(before | I8042Controller.FirstPortInterrupt, fake.Configuration);
        Assert.True(controller.TryReadKeyboard(out byte code));
        Assert.Equal(0x1E, code);
        Assert.False(controller.TryReadKeyboard(out _));
        Assert.True(controller.SetKeyboardInterrupt(false));
        Assert.Equal(before, fake.Configuration);
    }

    [Fact]
    public void MouseBytesAreDroppedAndScanCodesKeptInOrder()
    {
        var fake = new FakeI8042();
        var controller = new I8042Controller(fake);
        Assert.Equal(I8042Status.Ready, controller.Initialize());

        fake.MouseMoves(0x08, 0x01, 0x00);
        fake.Type(0x1E);
        fake.MouseMoves(0x08);
        fake.Type(0x9E);

        Assert.True(controller.TryReadKeyboard(out byte first));
        Assert.True(controller.TryReadKeyboard(out byte second));
        Assert.False(controller.TryReadKeyboard(out _));
        Assert.Equal([0x1E, 0x9E], new[] { first, second });
    }

    [Fact]
    public void KeyStreamHandsOutAKeysSequenceAByteAtATime()
    {
        var fake = new FakeI8042();
        var controller = new I8042Controller(fake);
        Assert.Equal(I8042Status.Ready, controller.Initialize());
        var keys = new KeyStream(controller, new ScanCodeDecoder());

        Assert.Equal(-1, keys.Next());
        // Up arrow (E0 48, E0 C8), then shift+a.
        fake.Type(0xE0, 0x48, 0xE0, 0xC8, 0x2A, 0x1E, 0x9E, 0xAA);
        var typed = new List<int>();
        for (int value = keys.Next(); value >= 0; value = keys.Next())
            typed.Add(value);
        Assert.Equal([0x1B, '[', 'A', 'A'], typed);
    }
}

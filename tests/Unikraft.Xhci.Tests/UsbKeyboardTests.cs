using System.Text;
using Uk.Core;
using Uk.Drivers.Xhci;

namespace Unikraft.Xhci.Tests;

// Enumeration of a device on a root port against FakeXhci, and the reports that follow.
public sealed class UsbKeyboardTests
{
    private const int Port = 2;

    // Contexts of 32 bytes (QEMU) and of 64 (HCCPARAMS1.CSZ, as many Intel controllers have).
    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void AKeyboardIsAddressedConfiguredAndSetToBootProtocol(int contextBytes)
    {
        (FakeXhci fake, XhciController controller) = Started(FakeUsbDevice.Keyboard(), new FakeXhci(contextBytes));
        Assert.Equal(contextBytes, controller.ContextBytes);
        FakeUsbDevice device = fake.Device;

        UsbKeyboard? keyboard = UsbKeyboard.Attach(controller, Port, out string refusal);

        Assert.True(keyboard is not null, refusal);
        Assert.Equal(1, fake.PortResets);
        Assert.Equal(1, keyboard.Slot);
        Assert.Equal("high speed", keyboard.SpeedName);
        Assert.Equal(0x81, keyboard.Interface.EndpointAddress);
        Assert.Equal(
            [
                "80 06 0100 0000 0012", // device descriptor
                "80 06 0200 0000 0009", // configuration header
                "80 06 0200 0000 0022", // the whole configuration
                "00 09 0001 0000 0000", // SET_CONFIGURATION 1
                "21 0b 0000 0000 0000", // SET_PROTOCOL boot, interface 0
                "21 0a 0000 0000 0000", // SET_IDLE 0
            ],
            device.Requests);
        Assert.Equal([Trb.EnableSlot, Trb.AddressDevice, Trb.ConfigureEndpoint], fake.CommandTypes);
        FakeXhci.Slot slot = fake.SlotState(1);
        Assert.Equal(Port, slot.Port);
        Assert.Equal(FakeUsbDevice.HighSpeed, slot.Speed);
        Assert.Equal(64, slot.ControlPacketSize);
        Assert.Equal(3, slot.InterruptIndex);
        Assert.Equal(7, slot.InterruptType); // interrupt IN
        Assert.Equal(8, slot.InterruptPacketSize);
    }

    // A full-speed device with 8-byte control packets: its first 8 descriptor bytes arrive in
    // one packet, Evaluate Context corrects the slot's guess of 64, the rest then reads whole.
    [Fact]
    public void AFullSpeedDevicesControlPacketSizeIsLearnedBeforeTheDescriptorsAreRead()
    {
        (FakeXhci fake, XhciController controller) = Started(FakeUsbDevice.Keyboard(FakeUsbDevice.FullSpeed, controlPacketSize: 8));

        UsbKeyboard? keyboard = UsbKeyboard.Attach(controller, Port, out string refusal);

        Assert.True(keyboard is not null, refusal);
        Assert.Equal("80 06 0100 0000 0008", fake.Device.Requests[0]);
        Assert.Equal([Trb.EnableSlot, Trb.AddressDevice, Trb.EvaluateContext, Trb.ConfigureEndpoint], fake.CommandTypes);
        Assert.Equal(8, fake.SlotState(1).ControlPacketSize);
    }

    [Theory]
    [InlineData(9, 1, 1, "a USB hub (hubs are not supported)")]
    [InlineData(0, 0, 2, "vendor 0x0627 product 0x0001: not a boot keyboard")]
    [InlineData(0, 1, 2, "vendor 0x0627 product 0x0001: not a boot keyboard")] // a boot mouse
    public void DevicesThatAreNoKeyboardAreRefusedWithTheReason(byte deviceClass, byte subclass, byte protocol, string reason)
    {
        var device = new FakeUsbDevice { DeviceDescriptor = FakeUsbDevice.Device(deviceClass), ConfigurationDescriptor = FakeUsbDevice.Configuration(subclass, protocol) };
        (FakeXhci fake, XhciController controller) = Started(device);
        Assert.Null(UsbKeyboard.Attach(controller, Port, out string refusal));
        Assert.Equal(reason, refusal);
        // The slot is given back.
        Assert.Equal(Trb.DisableSlot, fake.CommandTypes[^1]);
        Assert.Throws<KeyNotFoundException>(() => fake.SlotState(1));
    }

    [Theory]
    [InlineData(9, "vendor 0x0627 product 0x0001: SET_CONFIGURATION failed")]
    [InlineData(0x0B, "vendor 0x0627 product 0x0001: SET_PROTOCOL (boot) failed")]
    [InlineData(6, "GET_DESCRIPTOR (device) failed")]
    public void AStalledRequestRefusesTheDevice(int request, string reason)
    {
        FakeUsbDevice keyboard = FakeUsbDevice.Keyboard();
        var device = new FakeUsbDevice { DeviceDescriptor = keyboard.DeviceDescriptor, ConfigurationDescriptor = keyboard.ConfigurationDescriptor, StalledRequest = request };
        (_, XhciController controller) = Started(device);
        Assert.Null(UsbKeyboard.Attach(controller, Port, out string refusal));
        Assert.Equal(reason, refusal);
    }

    // Keyboards that stall SET_IDLE (the HID specification allows it) still work.
    [Fact]
    public void AStalledSetIdleIsAccepted()
    {
        FakeUsbDevice keyboard = FakeUsbDevice.Keyboard();
        var device = new FakeUsbDevice { DeviceDescriptor = keyboard.DeviceDescriptor, ConfigurationDescriptor = keyboard.ConfigurationDescriptor, StalledRequest = 0x0A };
        (_, XhciController controller) = Started(device);
        Assert.NotNull(UsbKeyboard.Attach(controller, Port, out _));
    }

    [Fact]
    public void ADeviceThatNeverAnswersIsRefusedAtTheDeadline()
    {
        FakeUsbDevice keyboard = FakeUsbDevice.Keyboard();
        var device = new FakeUsbDevice { DeviceDescriptor = keyboard.DeviceDescriptor, ConfigurationDescriptor = keyboard.ConfigurationDescriptor, Silent = true };
        (_, XhciController controller) = Started(device);
        Clock.IsAvailable = true;
        try
        {
            Assert.Null(UsbKeyboard.Attach(controller, Port, out string refusal));
            Assert.Equal("GET_DESCRIPTOR (device) failed", refusal);
        }
        finally
        {
            Clock.IsAvailable = false;
        }
    }

    // Reports arrive in the Normal TRB kept queued; each is decoded and the next one queued,
    // across the interrupt ring's Link TRB (40 reports on a 16-slot ring).
    [Fact]
    public void ReportsAreDecodedAndTheNextOneQueuedEachTime()
    {
        (FakeXhci fake, XhciController controller) = Started(FakeUsbDevice.Keyboard());
        UsbKeyboard keyboard = UsbKeyboard.Attach(controller, Port, out string refusal) ?? throw new InvalidOperationException(refusal);
        keyboard.Listen();

        var typed = new StringBuilder();
        string text = "Hello, USB keyboard!";
        foreach (char c in text)
        {
            (byte modifiers, byte usage) = Usage(c);
            Send(fake, controller, keyboard, [modifiers, 0, usage, 0, 0, 0, 0, 0], typed);
            Send(fake, controller, keyboard, new byte[8], typed);
        }
        Assert.Equal(text, typed.ToString());
        Assert.Single(fake.SlotState(1).Reports);
    }

    [Fact]
    public void APortThatReportsItsDeviceLateIsWaitedForUntilTheSettleTime()
    {
        (FakeXhci fake, XhciController controller) = Started(FakeUsbDevice.Keyboard());
        fake.DelayConnection(Port, 50);
        Clock.IsAvailable = true;
        Clock.Step = 1_000_000;
        try
        {
            // Every poll of the ports moves the clock on by a millisecond: 20 polls are too few.
            controller.WaitForConnections(20);
            Assert.Equal(0u, controller.ReadPort(Port) & XhciRegisters.PortConnected);
            controller.WaitForConnections(200);
            Assert.NotEqual(0u, controller.ReadPort(Port) & XhciRegisters.PortConnected);
        }
        finally
        {
            Clock.IsAvailable = false;
        }
    }

    // A stalled report halts the endpoint: Reset Endpoint and Set TR Dequeue Pointer bring
    // it back, and the next report types.
    [Fact]
    public void AFailedTransferIsRecoveredAndTheNextReportTypes()
    {
        (FakeXhci fake, XhciController controller) = Started(FakeUsbDevice.Keyboard());
        UsbKeyboard keyboard = UsbKeyboard.Attach(controller, Port, out string refusal) ?? throw new InvalidOperationException(refusal);
        keyboard.Listen();
        var typed = new StringBuilder();
        for (int round = 0; round < 5; round++)
        {
            Assert.True(fake.FailReport(1, 6));
            Assert.True(controller.TryTakeEvent(out Trb failed));
            Assert.False(failed.Completed);
            Assert.True(keyboard.Owns(failed));
            Assert.True(keyboard.Recover(failed, out refusal), refusal);
            // A report between failures starts the count again.
            Send(fake, controller, keyboard, [0, 0, 0x04, 0, 0, 0, 0, 0], typed);
            Send(fake, controller, keyboard, new byte[8], typed);
        }
        Assert.Equal("aaaaa", typed.ToString());
        Assert.Equal(5, fake.CommandTypes.Count(type => type == Trb.ResetEndpoint));
        Assert.Equal(5, fake.CommandTypes.Count(type => type == Trb.SetDequeuePointer));
    }

    [Fact]
    public void AKeyboardWhoseTransfersKeepFailingIsGivenUp()
    {
        (FakeXhci fake, XhciController controller) = Started(FakeUsbDevice.Keyboard());
        UsbKeyboard keyboard = UsbKeyboard.Attach(controller, Port, out string refusal) ?? throw new InvalidOperationException(refusal);
        keyboard.Listen();
        for (int failure = 1; failure <= 3; failure++)
        {
            Assert.True(fake.FailReport(1, 4));
            Assert.True(controller.TryTakeEvent(out Trb failed));
            Assert.True(keyboard.Recover(failed, out refusal), refusal);
        }
        Assert.True(fake.FailReport(1, 4));
        Assert.True(controller.TryTakeEvent(out Trb last));
        Assert.False(keyboard.Recover(last, out refusal));
        Assert.Equal("transfers failed 4 times in a row, the last with completion code 4", refusal);
    }

    // Another keyboard's report that arrives while a recovery command is waited for is kept
    // and handed out after it.
    [Fact]
    public void ATransferEventArrivingDuringACommandIsNotLost()
    {
        var fake = new FakeXhci();
        fake.Attach(1, FakeUsbDevice.Keyboard());
        fake.Attach(2, FakeUsbDevice.Keyboard());
        var controller = new XhciController(fake);
        Assert.True(controller.Start(out string refusal), refusal);
        UsbKeyboard first = UsbKeyboard.Attach(controller, 1, out refusal) ?? throw new InvalidOperationException(refusal);
        UsbKeyboard second = UsbKeyboard.Attach(controller, 2, out refusal) ?? throw new InvalidOperationException(refusal);
        first.Listen();
        second.Listen();

        Assert.True(fake.FailReport(first.Slot, 6));
        Assert.True(fake.SendReport(second.Slot, [0x02, 0, 0x05, 0, 0, 0, 0, 0]));
        Assert.True(controller.TryTakeEvent(out Trb failed));
        Assert.True(first.Owns(failed));
        Assert.True(first.Recover(failed, out refusal), refusal);

        Assert.True(controller.TryTakeEvent(out Trb report));
        Assert.True(second.Owns(report));
        byte[] output = new byte[HidReportDecoder.MaxBytesPerReport];
        Assert.Equal("B", Encoding.Latin1.GetString(output, 0, second.TakeReport(report, output)));
        Assert.False(controller.TryTakeEvent(out _));
    }

    private static void Send(FakeXhci fake, XhciController controller, UsbKeyboard keyboard, byte[] report, StringBuilder typed)
    {
        Assert.True(fake.SendReport(1, report));
        Assert.True(controller.TryTakeEvent(out Trb transfer));
        Assert.Equal(Trb.TransferEvent, transfer.Type);
        Assert.True(keyboard.Owns(transfer));
        byte[] output = new byte[HidReportDecoder.MaxBytesPerReport];
        int length = keyboard.TakeReport(transfer, output);
        typed.Append(Encoding.Latin1.GetString(output, 0, length));
    }

    private static (byte, byte) Usage(char c) => c switch
    {
        >= 'a' and <= 'z' => (0, (byte)(0x04 + c - 'a')),
        >= 'A' and <= 'Z' => (0x02, (byte)(0x04 + c - 'A')),
        ',' => (0, 0x36),
        ' ' => (0, 0x2C),
        '!' => (0x02, 0x1E),
        _ => throw new ArgumentException(c.ToString()),
    };

    private static (FakeXhci, XhciController) Started(FakeUsbDevice device, FakeXhci? controllerModel = null)
    {
        FakeXhci fake = controllerModel ?? new FakeXhci();
        fake.Attach(Port, device);
        var controller = new XhciController(fake);
        Assert.True(controller.Start(out string refusal), refusal);
        return (fake, controller);
    }
}

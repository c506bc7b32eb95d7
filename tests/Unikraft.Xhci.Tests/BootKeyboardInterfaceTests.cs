using Uk.Drivers.Xhci;

namespace Unikraft.Xhci.Tests;

public sealed class BootKeyboardInterfaceTests
{
    private static readonly byte[] Configuration = [0x09, 0x02, 0x22, 0x00, 0x01, 0x01, 0x00, 0xA0, 0x32];
    private static readonly byte[] KeyboardInterface = [0x09, 0x04, 0x00, 0x00, 0x01, 0x03, 0x01, 0x01, 0x00];
    private static readonly byte[] HidDescriptor = [0x09, 0x21, 0x11, 0x01, 0x00, 0x01, 0x22, 0x3F, 0x00];
    private static readonly byte[] InterruptIn = [0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0A];

    // QEMU's usb-kbd: one configuration, one interface, its HID descriptor, one endpoint.
    [Fact]
    public void FindsTheKeyboardOfASingleInterfaceDevice()
    {
        Assert.True(BootKeyboardInterface.TryFind([.. Configuration, .. KeyboardInterface, .. HidDescriptor, .. InterruptIn], out BootKeyboardInterface found));
        Assert.Equal(1, found.ConfigurationValue);
        Assert.Equal(0, found.InterfaceNumber);
        Assert.Equal(0x81, found.EndpointAddress);
        Assert.Equal(8, found.MaxPacketSize);
        Assert.Equal(10, found.Interval);
        Assert.Equal(3, found.ContextIndex);
    }

    // A combined device: a mouse interface with its own endpoint first, then the keyboard on
    // interface 1 with an OUT endpoint before its IN one.
    [Fact]
    public void FindsTheKeyboardInterfaceOfACompositeDevice()
    {
        byte[] mouse = [0x09, 0x04, 0x00, 0x00, 0x01, 0x03, 0x01, 0x02, 0x00];
        byte[] mouseIn = [0x07, 0x05, 0x81, 0x03, 0x04, 0x00, 0x0A];
        byte[] keyboard = [0x09, 0x04, 0x01, 0x00, 0x02, 0x03, 0x01, 0x01, 0x00];
        byte[] keyboardOut = [0x07, 0x05, 0x02, 0x03, 0x08, 0x00, 0x0A];
        byte[] keyboardIn = [0x07, 0x05, 0x83, 0x03, 0x40, 0x00, 0x01];
        byte[] configuration = [0x09, 0x02, 0x00, 0x00, 0x02, 0x02, 0x00, 0xA0, 0x32];
        Assert.True(BootKeyboardInterface.TryFind([.. configuration, .. mouse, .. HidDescriptor, .. mouseIn, .. keyboard, .. HidDescriptor, .. keyboardOut, .. keyboardIn], out BootKeyboardInterface found));
        Assert.Equal(2, found.ConfigurationValue);
        Assert.Equal(1, found.InterfaceNumber);
        Assert.Equal(0x83, found.EndpointAddress);
        Assert.Equal(64, found.MaxPacketSize);
        Assert.Equal(7, found.ContextIndex);
    }

    [Fact]
    public void ATabletIsNoKeyboard()
    {
        byte[] tablet = [0x09, 0x04, 0x00, 0x00, 0x01, 0x03, 0x00, 0x00, 0x00];
        Assert.False(BootKeyboardInterface.TryFind([.. Configuration, .. tablet, .. HidDescriptor, .. InterruptIn], out _));
    }

    [Fact]
    public void AKeyboardOnlyInAnAlternateSettingIsNotUsed()
    {
        byte[] alternate = [0x09, 0x04, 0x00, 0x01, 0x01, 0x03, 0x01, 0x01, 0x00];
        Assert.False(BootKeyboardInterface.TryFind([.. Configuration, .. alternate, .. InterruptIn], out _));
    }

    [Theory]
    [InlineData(0)]  // a descriptor of length 0 would loop forever
    [InlineData(1)]
    [InlineData(40)] // runs past the end
    public void MalformedDescriptorsAreRefused(byte length)
    {
        byte[] broken = [length, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0A];
        Assert.False(BootKeyboardInterface.TryFind([.. Configuration, .. KeyboardInterface, .. broken], out _));
    }

    [Fact]
    public void ATruncatedConfigurationIsRefused() =>
        Assert.False(BootKeyboardInterface.TryFind([.. Configuration, .. KeyboardInterface, .. InterruptIn[..5]], out _));
}

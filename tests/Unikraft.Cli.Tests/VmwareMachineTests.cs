using Unikraft.Cli.Packaging;

namespace Unikraft.Cli.Tests;

// The .vmx beside a VMDK names the devices the image has drivers for.
public sealed class VmwareMachineTests
{
    [Theory]
    [InlineData("vmxnet3", "vmxnet3")]
    [InlineData("e1000", "e1000e")]
    public void TheImagesNicDriverPicksTheVmwareNic(string driver, string nic) =>
        Assert.Equal(nic, VmwareMachine.NicFor(["uart16550", "pci", "uknetdev", driver, "netstack"]));

    [Fact]
    public void AVirtioOnlyImageGetsNoNic() =>
        Assert.Null(VmwareMachine.NicFor(["uart16550", "pci", "virtio", "virtio-net", "netstack"]));

    [Fact]
    public void TheMachineBootsTheDiskFromSataUnderUefiWithSerialToAFile()
    {
        var keys = Parse(VmwareMachine.Describe("web", "web.vmdk", 64, "vmxnet3"));
        Assert.Equal("efi", keys["firmware"]);
        Assert.Equal("FALSE", keys["uefi.secureBoot.enabled"]);
        Assert.Equal("TRUE", keys["sata0:0.present"]);
        Assert.Equal("web.vmdk", keys["sata0:0.fileName"]);
        Assert.Equal("vmxnet3", keys["ethernet0.virtualDev"]);
        Assert.Equal("file", keys["serial0.fileType"]);
        Assert.Equal("web-serial.log", keys["serial0.fileName"]);
        Assert.Equal("128", keys["memsize"]);
    }

    [Fact]
    public void MemoryIsTheImagesRoundedToFourMiBAndWithoutANicThereIsNoEthernet()
    {
        var keys = Parse(VmwareMachine.Describe("big", "big.vmdk", 513, null));
        Assert.Equal("516", keys["memsize"]);
        Assert.DoesNotContain("ethernet0.present", keys.Keys);
    }

    [Fact]
    public void QuotesInTheNameAreEscapedAsVmwareDoes() =>
        Assert.Equal("a|22b|7Cc", Parse(VmwareMachine.Describe("a\"b|c", "x.vmdk", 64, null))["displayName"]);

    internal static Dictionary<string, string> Parse(string vmx)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in vmx.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = line.IndexOf(" = \"", StringComparison.Ordinal);
            Assert.True(equals > 0 && line.EndsWith('"'), line);
            Assert.True(keys.TryAdd(line[..equals], line[(equals + 4)..^1]), "twice: " + line);
        }
        return keys;
    }
}

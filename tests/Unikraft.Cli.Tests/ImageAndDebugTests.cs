using Unikraft.Hosting;

namespace Unikraft.Cli.Tests;

// uk image exports disks that boot; uk debug stops at the application's Main under gdb.
[Collection(BuiltAppCollection.Name)]
public sealed class ImageAndDebugTests(BuiltAppFixture fixture)
{
    [Fact]
    public void Raw_image_boots_from_a_disk_under_SeaBIOS()
    {
        using var scratch = ScratchDirectory.Outside();
        string raw = scratch.Combine("demo.img");
        var image = Uk.Run(fixture.App, "image", "--format", "raw", "--output", raw);
        Assert.True(image.ExitCode == 0, image.ToString());
        var boot = Boot(new QemuMachine { BootDisk = raw });
        Assert.True(boot.ExitCode == 1, boot.ToString());
        Assert.Contains("Hello from demo, a C# unikernel!", boot.Output);
    }

    [Fact]
    public void Raw_image_boots_from_a_disk_under_OVMF()
    {
        using var scratch = ScratchDirectory.Outside();
        string raw = scratch.Combine("demo.img");
        using var vars = QemuMachine.CopyUefiVariables();
        var image = Uk.Run(fixture.App, "image", "--format", "raw", "--output", raw);
        Assert.True(image.ExitCode == 0, image.ToString());
        var boot = Boot(new QemuMachine { BootDisk = raw, UefiVariables = vars.Path });
        Assert.True(boot.ExitCode == 1, boot.ToString());
        Assert.Contains("Hello from demo, a C# unikernel!", boot.Output);
    }

    [Fact]
    public void Vmdk_image_boots_as_a_vmdk_disk()
    {
        // qemu-img comes with Debian's qemu-utils (build.ps1 setup installs it).
        using var scratch = ScratchDirectory.Outside();
        string vmdk = scratch.Combine("demo.vmdk");
        var image = Uk.Run(fixture.App, "image", "--format", "vmdk", "--output", vmdk);
        Assert.True(image.ExitCode == 0, image.ToString());
        Assert.StartsWith("KDMV", File.ReadAllText(vmdk)[..4]);
        var machine = VmwareMachineTests.Parse(File.ReadAllText(scratch.Combine("demo.vmx")));
        Assert.Equal("demo.vmdk", machine["sata0:0.fileName"]);
        Assert.Equal("efi", machine["firmware"]);
        var boot = Boot(new QemuMachine { BootDisk = vmdk, BootDiskFormat = "vmdk" });
        Assert.True(boot.ExitCode == 1, boot.ToString());
        Assert.Contains("Hello from demo, a C# unikernel!", boot.Output);
    }

    [Fact]
    public void Debug_in_batch_mode_stops_at_Main()
    {
        var debug = Uk.Run(fixture.App, TimeSpan.FromSeconds(120), "debug", "--batch");
        Assert.True(debug.ExitCode == 0, debug.ToString());
        // ILC's DWARF (-g) lets gdb name the C# source line of Main, step it, and read a local
        // (uk debug builds without the optimiser for that).
        Assert.Matches(@"Breakpoint 1, demo_Program___Main__ \(.*\) at .*Program\.cs:\d+", debug.Output);
        Assert.Contains("argumentCount = 0", debug.Output);
        Assert.Contains("demo__Module___StartupCodeMain", debug.Output);
    }

    private static UkResult Boot(QemuMachine machine) =>
        Uk.Start(QemuMachine.Executable, machine.ToArguments(), TimeSpan.FromSeconds(90));
}

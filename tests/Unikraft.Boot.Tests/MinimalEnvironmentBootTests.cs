namespace Unikraft.Boot.Tests;

// tests/apps/env-minimal: on the minimal corlib, Environment.GetEnvironmentVariable reads the
// manifest's env map, and env.NAME=value kernel parameters add or replace variables.
public sealed class MinimalEnvironmentBootTests
{
    [Fact]
    public void TheManifestsVariablesAreReadAndKernelParametersOverrideThem()
    {
        HostProcessResult plain = Qemu.BootElf(Images.EnvMinimal.Elf, memoryMiB: 16);
        HostProcessResult overridden = Qemu.BootElf(Images.EnvMinimal.Elf, "env.EXTRA=x env.GREETING=over -- a b", memoryMiB: 16);

        Assert.False(plain.TimedOut, plain.Output);
        Assert.Contains("GREETING=[hello from the manifest]", plain.Lines);
        Assert.Contains("EMPTY=[]", plain.Lines);
        Assert.Contains("EXTRA=(null)", plain.Lines);
        Assert.Contains("GREET=(null)", plain.Lines);
        Assert.Contains("command line: env-minimal", plain.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), plain.ExitCode);
        Assert.Contains("GREETING=[over]", overridden.Lines);
        Assert.Contains("EMPTY=[]", overridden.Lines);
        Assert.Contains("EXTRA=[x]", overridden.Lines);
        Assert.Contains("command line: env-minimal|a|b", overridden.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), overridden.ExitCode);
    }
}

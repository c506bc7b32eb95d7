namespace Unikraft.Boot.Tests;

// ASP.NET Core's configuration from the kernel command line, as from a Linux command line:
// the arguments after `--` reach CreateSlimBuilder(args), so --urls moves Kestrel to another
// port and --Logging:LogLevel:<category> changes what is logged.
public sealed class WebApiConfigurationBootTests
{
    [Fact]
    public void UrlsAndLogLevelsComeFromTheKernelCommandLine()
    {
        using QemuSession session = QemuSession.BootElfForwarded(Images.WebApi.Elf,
            "-- --urls http://+:8081 --Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information", 128,
            port => ["-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:8081", "-device", "virtio-net-pci,netdev=n0"],
            "      Now listening on: http://0.0.0.0:8081", TimeSpan.FromSeconds(90), out int port);
        HostProcessResult curl = HostProcess.Run("curl", ["-s", "-S", "--max-time", "60", "http://127.0.0.1:" + port + "/todos/1"], TimeSpan.FromSeconds(90));
        Assert.Contains("\"title\":\"Boot a unikernel\"", curl.Output, StringComparison.Ordinal);
        // The request log appsettings.json turns off, turned back on for one category.
        session.WaitForLine("      Request starting HTTP/1.1 GET http://127.0.0.1:" + port + "/todos/1", TimeSpan.FromSeconds(30));
    }
}

using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// The stack-protection cookie ILC's code checks is set from the time-stamp counter (and
// RDRAND where the CPU has it) before any C# runs: read from two running guests through
// QEMU's monitor, it differs from the image's constant and from one boot to the next.
public sealed class StackCookieBootTests
{
    private const ulong ImageConstant = 0x2B992DDFA2324D5E;

    [Fact]
    public void TheCookieDiffersPerBoot()
    {
        string debugElf = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Images.HttpServer.Elf)!)!)!, "obj", "Debug", "uk", "httpserver.debug.elf");
        HostProcessResult nm = HostProcess.Run("nm", [debugElf], TimeSpan.FromSeconds(30));
        string symbol = nm.Lines.Single(l => l.EndsWith(" __security_cookie", StringComparison.Ordinal));
        ulong address = ulong.Parse(symbol[..symbol.IndexOf(' ')], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        ulong first = ReadCookie(address, []);
        ulong second = ReadCookie(address, ["-cpu", "max"]);
        Assert.NotEqual(ImageConstant, first);
        Assert.NotEqual(ImageConstant, second);
        Assert.NotEqual(first, second);
    }

    private static ulong ReadCookie(ulong address, string[] extra)
    {
        int monitor = LocalPorts.PickFree();
        using QemuSession session = QemuSession.BootElf(Images.HttpServer.Elf, "", 128,
            [.. extra, "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0",
             "-monitor", "tcp:127.0.0.1:" + monitor + ",server=on,wait=off"]);
        session.WaitForLine("httpserver: listening on", TimeSpan.FromSeconds(90));
        using var client = new TcpClient();
        client.Connect("127.0.0.1", monitor);
        NetworkStream stream = client.GetStream();
        client.ReceiveTimeout = 10_000;
        ReadUntilPrompt(stream);
        stream.Write(Encoding.ASCII.GetBytes("xp /1gx 0x" + address.ToString("x", CultureInfo.InvariantCulture) + "\n"));
        string answer = ReadUntilPrompt(stream);
        // "000000000014c000: 0x1234abcd..."
        string line = answer.Split('\n').Single(l => l.Contains(": 0x"));
        return ulong.Parse(line[(line.IndexOf(": 0x", StringComparison.Ordinal) + 4)..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static string ReadUntilPrompt(NetworkStream stream)
    {
        var text = new StringBuilder();
        while (!text.ToString().EndsWith("(qemu) ", StringComparison.Ordinal))
        {
            int b = stream.ReadByte();
            if (b < 0)
                break;
            text.Append((char)b);
        }
        return text.ToString();
    }
}

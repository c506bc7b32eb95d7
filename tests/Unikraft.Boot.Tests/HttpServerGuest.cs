namespace Unikraft.Boot.Tests;

// One httpserver guest shared by a test class: booted once behind a random local port
// (QEMU user networking, hostfwd to the guest's port 80) on the given network device,
// stopped when the class is done. The default is apps/httpserver on virtio-net.
public class HttpServerGuest : IDisposable
{
    public HttpServerGuest()
        : this(Images.HttpServer.Elf, "virtio-net-pci")
    {
    }

    protected HttpServerGuest(string elf, string device, params string[] machine)
    {
        for (int attempt = 1; ; attempt++)
        {
            Port = Random.Shared.Next(20000, 60000);
            Session = QemuSession.BootElf(elf, "", 128,
                [.. machine, "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + Port + "-:80", "-device", device + ",netdev=n0"]);
            try
            {
                Session.WaitForLine("httpserver: listening on http://10.0.2.15:80/", TimeSpan.FromSeconds(90));
                return;
            }
            catch (TimeoutException) when (attempt < 3 && Session.HasExited && Session.Output.Length == 0)
            {
                // QEMU exits at once when the port is taken (earlier tests' client connections
                // use the same range): another port.
                Session.Dispose();
            }
        }
    }

    internal QemuSession Session { get; private set; } = null!;

    public int Port { get; private set; }

    public string Url(string path) => "http://127.0.0.1:" + Port + path;

    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}

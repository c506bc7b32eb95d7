namespace Unikraft.Boot.Tests;

// One apps/webapi guest (ASP.NET Core's Kestrel) shared by a test class, on virtio-net behind
// a free local port, with httpserver's guest plumbing (ConnectForwarded, Url).
public sealed class WebApiGuest : HttpServerGuest
{
    public WebApiGuest()
        : base(Images.WebApi.Elf, "virtio-net-pci", 128, "")
    {
    }

    // The console logger indents a message under its category line.
    protected override string ReadyLine => "      Now listening on: http://0.0.0.0:80";
}

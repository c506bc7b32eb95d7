using System;
using System.Linq;
using Unikraft.Bench.Boot;

namespace Unikraft.Bench.Net;

// The QEMU NICs the bench can put under both guests (--device), with what each side needs
// for it: the unikernel image whose manifest names its driver, and the Linux modules in
// load order (each after the ones it uses).
public static class NetDevice
{
    public const string Virtio = "virtio-net-pci";

    private static readonly (string Device, string Project, string[] Modules)[] Known =
    [
        (Virtio, "apps/httpserver", ["virtio_ring", "virtio", "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_pci", "failover", "net_failover", "virtio_net"]),
        ("e1000", "tests/apps/http-e1000", ["e1000"]),
        ("e1000-82545em", "tests/apps/http-e1000", ["e1000"]),
        ("e1000e", "tests/apps/http-e1000", ["e1000e"]),
        ("vmxnet3", "tests/apps/http-vmxnet3", ["vmxnet3"]),
    ];

    public static string Names => string.Join(" | ", Known.Select(k => k.Device));

    public static string Check(string device) =>
        Known.Any(k => k.Device == device) ? device : throw new BenchException($"unknown --device '{device}' ({Names})");

    public static string UnikernelProject(string device) => Known.First(k => k.Device == device).Project;

    public static string[] LinuxModules(string device) => Known.First(k => k.Device == device).Modules;
}

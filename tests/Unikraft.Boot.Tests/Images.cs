namespace Unikraft.Boot.Tests;

// Builds each test image once per test run, through the same `dotnet build` a user runs.
internal sealed class Images
{
    private static readonly Lazy<BuiltImage> HelloImage = new(() => Build("apps/hello", "hello"));
    private static readonly Lazy<BuiltImage> TypeSystemImage = new(() => Build("tests/apps/typesystem", "typesystem"));

    public static BuiltImage Hello => HelloImage.Value;

    private static readonly Lazy<BuiltImage> BclUnhandledImage = new(() => Build("tests/apps/bcl-unhandled", "bcl-unhandled"));

    private static readonly Lazy<BuiltImage> EnvMinimalImage = new(() => Build("tests/apps/env-minimal", "env-minimal"));

    // Environment variables on the minimal corlib.
    public static BuiltImage EnvMinimal => EnvMinimalImage.Value;

    private static readonly Lazy<BuiltImage> BclFileRefusalsImage = new(() => Build("tests/apps/bcl-files-refusals", "bcl-files-refusals"));

    // Permissions, times and links on vfscore, on the dotnet library.
    public static BuiltImage BclFileRefusals => BclFileRefusalsImage.Value;

    private static readonly Lazy<BuiltImage> BclEnvironmentImage = new(() => Build("tests/apps/bcl-environment", "bcl-environment"));

    private static readonly Lazy<BuiltImage> BclConsoleImage = new(() => Build("tests/apps/bcl-console", "bcl-console"));

    // Console input on the dotnet library.
    public static BuiltImage BclConsole => BclConsoleImage.Value;

    // Environment variables and System.IO without vfscore, on the dotnet library.
    public static BuiltImage BclEnvironment => BclEnvironmentImage.Value;

    // An exception nothing catches, on .NET's own CoreLib (the dotnet library).
    public static BuiltImage BclUnhandled => BclUnhandledImage.Value;

    public static BuiltImage TypeSystem => TypeSystemImage.Value;

    private static readonly Lazy<BuiltImage> KeyboardImage = new(() => Build("tests/apps/keyboard", "keyboard"));

    // Console.ReadLine from the i8042 PS/2 keyboard (on IRQ 1) and the serial line, minimal corlib.
    public static BuiltImage Keyboard => KeyboardImage.Value;

    private static readonly Lazy<BuiltImage> KeyboardPolledImage = new(() => Build("tests/apps/keyboard-polled", "keyboard-polled"));

    // The same with i8042.interrupts: false.
    public static BuiltImage KeyboardPolled => KeyboardPolledImage.Value;

    private static readonly Lazy<BuiltImage> BclKeyboardImage = new(() => Build("tests/apps/bcl-keyboard", "bcl-keyboard"));

    // The same program on the dotnet library, the keyboard polled (no interrupt controller).
    public static BuiltImage BclKeyboard => BclKeyboardImage.Value;

    private static readonly Lazy<BuiltImage> UsbKeyboardImage = new(() => Build("tests/apps/usb-keyboard", "usb-keyboard"));

    // The keyboard program with Console.ReadLine fed by a USB keyboard on an xHCI controller.
    public static BuiltImage UsbKeyboard => UsbKeyboardImage.Value;

    private static readonly Lazy<BuiltImage> UsbKeyboardPolledImage = new(() => Build("tests/apps/usb-keyboard-polled", "usb-keyboard-polled"));

    // The same with xhci.interrupts: false.
    public static BuiltImage UsbKeyboardPolled => UsbKeyboardPolledImage.Value;

    private static readonly Lazy<BuiltImage> PcMachineImage = new(() => Build("tests/apps/pc-machine", "pc-machine"));

    // The PC-like machine: fbcons, xhci and i8042, ahci and FAT, e1000, netstack; no serial console.
    public static BuiltImage PcMachine => PcMachineImage.Value;

    private static readonly Lazy<BuiltImage> HelloFbconsImage = new(() => Build("tests/apps/hello-fbcons", "hello-fbcons"));

    // hello's program with fbcons, the framebuffer console.
    public static BuiltImage HelloFbcons => HelloFbconsImage.Value;

    private static readonly Lazy<BuiltImage> FbconsScrollImage = new(() => Build("tests/apps/fbcons-scroll", "fbcons-scroll"));

    // fbcons with text that wraps, scrolls and ends in a panic, white on blue.
    public static BuiltImage FbconsScroll => FbconsScrollImage.Value;

    private static readonly Lazy<BuiltImage> HelloAcpiImage = new(() => Build("tests/apps/hello-acpi", "hello-acpi"));

    // hello's program with the acpi library (default core.shutdown: qemu-exit, else power-off).
    public static BuiltImage HelloAcpi => HelloAcpiImage.Value;

    private static readonly Lazy<BuiltImage> ShutdownRebootImage = new(() => Build("tests/apps/shutdown-reboot", "shutdown-reboot"));

    // hello's program with core.shutdown: reboot.
    public static BuiltImage ShutdownReboot => ShutdownRebootImage.Value;

    private static readonly Lazy<BuiltImage> ShutdownPowerOffImage = new(() => Build("tests/apps/shutdown-poweroff", "shutdown-poweroff"));

    // hello's program with core.shutdown: poweroff.
    public static BuiltImage ShutdownPowerOff => ShutdownPowerOffImage.Value;

    private static readonly Lazy<BuiltImage> ShutdownHaltImage = new(() => Build("tests/apps/shutdown-halt", "shutdown-halt"));

    // hello's program with core.shutdown: halt.
    public static BuiltImage ShutdownHalt => ShutdownHaltImage.Value;

    private static readonly Lazy<BuiltImage> ThreadsImage = new(() => Build("apps/threads", "threads"));

    public static BuiltImage Threads => ThreadsImage.Value;

    private static readonly Lazy<BuiltImage> ExceptionsWithoutUnwindTablesImage = new(() => Build("tests/apps/exceptions-notables", "exceptions-notables"));

    // The exception cases linked with core.unwind-tables: false.
    public static BuiltImage ExceptionsWithoutUnwindTables => ExceptionsWithoutUnwindTablesImage.Value;

    private static readonly Lazy<BuiltImage> BlkDiskImage = new(() => Build("tests/apps/blk-disk", "blk-disk"));

    // tests/apps/blk-disk: block-level scenarios on virtio-blk disks.
    public static BuiltImage BlkDisk => BlkDiskImage.Value;

    private static readonly Lazy<BuiltImage> BlkPolledImage = new(() => Build("tests/apps/blk-polled", "blk-polled"));

    // The same scenarios with virtio-blk.interrupts false: completions found by polling.
    public static BuiltImage BlkPolled => BlkPolledImage.Value;

    private static readonly Lazy<BuiltImage> BlkAhciImage = new(() => Build("tests/apps/blk-ahci", "blk-ahci"));

    // tests/apps/blk-ahci: the blk-disk scenarios on SATA disks through the ahci driver.
    public static BuiltImage BlkAhci => BlkAhciImage.Value;

    private static readonly Lazy<BuiltImage> BlkAhciPolledImage = new(() => Build("tests/apps/blk-ahci-polled", "blk-ahci-polled"));

    // The same with ahci.interrupts false.
    public static BuiltImage BlkAhciPolled => BlkAhciPolledImage.Value;

    private static readonly Lazy<BuiltImage> BlkAhciDeadlineImage = new(() => Build("tests/apps/blk-ahci-deadline", "blk-ahci-deadline"));

    // The same with ahci.timeout-ms 300, for a disk QEMU throttles past it.
    public static BuiltImage BlkAhciDeadline => BlkAhciDeadlineImage.Value;

    private static readonly Lazy<BuiltImage> BlkNvmeImage = new(() => Build("tests/apps/blk-nvme", "blk-nvme"));

    // tests/apps/blk-nvme: the blk-disk scenarios on NVMe disks through the nvme driver.
    public static BuiltImage BlkNvme => BlkNvmeImage.Value;

    private static readonly Lazy<BuiltImage> BlkNvmePolledImage = new(() => Build("tests/apps/blk-nvme-polled", "blk-nvme-polled"));

    // The same with nvme.interrupts false.
    public static BuiltImage BlkNvmePolled => BlkNvmePolledImage.Value;

    private static readonly Lazy<BuiltImage> BlkNvmeDeadlineImage = new(() => Build("tests/apps/blk-nvme-deadline", "blk-nvme-deadline"));

    // The same with nvme.timeout-ms 300, for a disk QEMU throttles past it.
    public static BuiltImage BlkNvmeDeadline => BlkNvmeDeadlineImage.Value;

    private static readonly Lazy<BuiltImage> FsRamfsImage = new(() => Build("tests/apps/fs-ramfs", "fs-ramfs"));

    // tests/apps/fs-ramfs: System.IO over vfscore and ramfs, collections, Console.ReadLine.
    public static BuiltImage FsRamfs => FsRamfsImage.Value;

    private static readonly Lazy<BuiltImage> FsFatImage = new(() => Build("tests/apps/fs-fat", "fs-fat"));

    // tests/apps/fs-fat: fatfs on a virtio-blk disk mounted at /disk.
    public static BuiltImage FsFat => FsFatImage.Value;

    private static readonly Lazy<BuiltImage> KvStoreImage = new(() => Build("apps/kvstore", "kvstore"));

    public static BuiltImage KvStore => KvStoreImage.Value;

    private static readonly Lazy<BuiltImage> KvStoreAhciImage = new(() => Build("tests/apps/kvstore-ahci", "kvstore-ahci"));

    // tests/apps/kvstore-ahci: apps/kvstore's program with its disk on an AHCI port (sda).
    public static BuiltImage KvStoreAhci => KvStoreAhciImage.Value;

    private static readonly Lazy<BuiltImage> FsFatAhciImage = new(() => Build("tests/apps/fs-fat-ahci", "fs-fat-ahci"));

    // tests/apps/fs-fat-ahci: fs-fat's program with its disk on an AHCI port (sda).
    public static BuiltImage FsFatAhci => FsFatAhciImage.Value;

    private static readonly Lazy<BuiltImage> KvStoreNvmeImage = new(() => Build("tests/apps/kvstore-nvme", "kvstore-nvme"));

    // tests/apps/kvstore-nvme: apps/kvstore's program with its disk on an NVMe controller (nvme0n1).
    public static BuiltImage KvStoreNvme => KvStoreNvmeImage.Value;

    private static readonly Lazy<BuiltImage> FsFatNvmeImage = new(() => Build("tests/apps/fs-fat-nvme", "fs-fat-nvme"));

    // tests/apps/fs-fat-nvme: fs-fat's program with its disk on an NVMe controller (nvme0n1).
    public static BuiltImage FsFatNvme => FsFatNvmeImage.Value;

    private static readonly Lazy<BuiltImage> NetRawImage = new(() => Build("tests/apps/net-raw", "net-raw"));

    // tests/apps/net-raw: virtio-net driven with hand-built frames, no network stack.
    public static BuiltImage NetRaw => NetRawImage.Value;

    private static readonly Lazy<BuiltImage> HttpServerImage = new(() => Build("apps/httpserver", "httpserver"));

    // apps/webapi: an ASP.NET Core minimal API (Kestrel) on the dotnet library.
    private static readonly Lazy<BuiltImage> WebApiImage = new(() => Build("apps/webapi", "webapi"));

    public static BuiltImage WebApi => WebApiImage.Value;

    // apps/httpserver: sockets, netstack and virtio-net serving HTTP.
    public static BuiltImage HttpServer => HttpServerImage.Value;

    private static readonly Lazy<BuiltImage> HttpE1000Image = new(() => Build("tests/apps/http-e1000", "http-e1000"));

    // tests/apps/http-e1000: apps/httpserver's program on the e1000 driver (e1000 and e1000e devices).
    public static BuiltImage HttpE1000 => HttpE1000Image.Value;

    private static readonly Lazy<BuiltImage> HttpE1000PolledImage = new(() => Build("tests/apps/http-e1000-polled", "http-e1000-polled"));

    // tests/apps/http-e1000-polled: the same with e1000.interrupts false.
    public static BuiltImage HttpE1000Polled => HttpE1000PolledImage.Value;

    private static readonly Lazy<BuiltImage> HttpVmxnet3Image = new(() => Build("tests/apps/http-vmxnet3", "http-vmxnet3"));

    // tests/apps/http-vmxnet3: apps/httpserver's program on the vmxnet3 driver.
    public static BuiltImage HttpVmxnet3 => HttpVmxnet3Image.Value;

    private static readonly Lazy<BuiltImage> UdpEchoImage = new(() => Build("apps/udpecho", "udpecho"));

    public static BuiltImage UdpEcho => UdpEchoImage.Value;

    private static readonly Lazy<BuiltImage> NetPingImage = new(() => Build("tests/apps/net-ping", "net-ping"));

    // tests/apps/net-ping: netstack on virtio-net (DHCP, ICMP, DNS, a UDP echo service).
    public static BuiltImage NetPing => NetPingImage.Value;

    private static readonly Lazy<BuiltImage> NetPingPreemptImage = new(() => Build("tests/apps/net-ping-preempt", "net-ping-preempt"));

    // tests/apps/net-ping-preempt: net-ping under ukschedpreempt with ukgc-marksweep.
    public static BuiltImage NetPingPreempt => NetPingPreemptImage.Value;

    private static readonly Lazy<BuiltImage> NetLoopbackImage = new(() => Build("tests/apps/net-loopback", "net-loopback"));

    // tests/apps/net-loopback: two TcpLayers back to back over an in-memory lossy link.
    public static BuiltImage NetLoopback => NetLoopbackImage.Value;

    private static readonly Lazy<BuiltImage> NetHostileImage = new(() => Build("tests/apps/net-hostile", "net-hostile"));

    // tests/apps/net-hostile: an HTTP answer on port 80 behind a dgram netdev the hostile test drives.
    public static BuiltImage NetHostile => NetHostileImage.Value;

    private static readonly Lazy<BuiltImage> NetHostileE1000Image = new(() => Build("tests/apps/net-hostile-e1000", "net-hostile-e1000"));

    // tests/apps/net-hostile-e1000: net-hostile's program on the e1000 driver.
    public static BuiltImage NetHostileE1000 => NetHostileE1000Image.Value;

    private static readonly Lazy<BuiltImage> NetHostileVmxnet3Image = new(() => Build("tests/apps/net-hostile-vmxnet3", "net-hostile-vmxnet3"));

    // tests/apps/net-hostile-vmxnet3: net-hostile's program on the vmxnet3 driver.
    public static BuiltImage NetHostileVmxnet3 => NetHostileVmxnet3Image.Value;

    private static readonly Lazy<BuiltImage> NetBlastImage = new(() => Build("tests/apps/net-blast", "net-blast"));

    // tests/apps/net-blast: a TCP pattern stream between two guests (send=<ip>:<bytes> | receive).
    public static BuiltImage NetBlast => NetBlastImage.Value;

    private static readonly Dictionary<string, BuiltImage> AllocatorImages = new();

    // tests/apps/alloc-<allocator>: the shared stress app over one allocator library.
    public static BuiltImage Allocator(string allocator)
    {
        lock (AllocatorImages)
        {
            if (!AllocatorImages.TryGetValue(allocator, out BuiltImage? image))
                AllocatorImages[allocator] = image = Build("tests/apps/alloc-" + allocator, "alloc-" + allocator);
            return image;
        }
    }

    private static readonly Dictionary<string, BuiltImage> SchedulerImages = new();

    // tests/apps/sched-<policy>: the shared scheduler scenarios over one scheduler library.
    public static BuiltImage Scheduler(string policy)
    {
        lock (SchedulerImages)
        {
            if (!SchedulerImages.TryGetValue(policy, out BuiltImage? image))
                SchedulerImages[policy] = image = Build("tests/apps/sched-" + policy, "sched-" + policy);
            return image;
        }
    }

    private static readonly Dictionary<string, BuiltImage> ExceptionImages = new();

    // tests/apps/exceptions-<policy>: the shared exception cases over one scheduler library.
    public static BuiltImage Exceptions(string policy)
    {
        lock (ExceptionImages)
        {
            if (!ExceptionImages.TryGetValue(policy, out BuiltImage? image))
                ExceptionImages[policy] = image = Build("tests/apps/exceptions-" + policy, "exceptions-" + policy);
            return image;
        }
    }

    private static readonly Dictionary<string, BuiltImage> CollectorImages = new();

    // tests/apps/gc-<name>: the shared collector scenarios under one scheduler (coop, preempt),
    // or hello's program with ukgc-none (none).
    public static BuiltImage Collector(string name)
    {
        lock (CollectorImages)
        {
            if (!CollectorImages.TryGetValue(name, out BuiltImage? image))
                CollectorImages[name] = image = Build("tests/apps/gc-" + name, "gc-" + name);
            return image;
        }
    }

    private static readonly Dictionary<string, BuiltImage> DifferentialImages = new();

    // The guest side of a differential test (tests/apps/<name>, compared with host .NET).
    public static BuiltImage Differential(string projectDirectory, string name)
    {
        lock (DifferentialImages)
        {
            if (!DifferentialImages.TryGetValue(name, out BuiltImage? image))
                DifferentialImages[name] = image = Build(projectDirectory, name);
            return image;
        }
    }

    public static HostProcessResult DotnetBuild(string projectDirectory) =>
        HostProcess.Run("dotnet", ["build", Repository.PathOf(projectDirectory), "-nologo", "-v", "minimal"], TimeSpan.FromMinutes(10));

    private static BuiltImage Build(string projectDirectory, string name)
    {
        HostProcessResult build = DotnetBuild(projectDirectory);
        if (build.ExitCode != 0)
            throw new InvalidOperationException("dotnet build " + projectDirectory + " failed:\n" + build.Output);
        // Images on .NET's own base class library (the dotnet library) build into bin/dotnet/.
        string minimal = Repository.PathOf(Path.Combine(projectDirectory, "bin", "Debug"));
        string dotnet = Repository.PathOf(Path.Combine(projectDirectory, "bin", "dotnet", "Debug"));
        string output = File.GetLastWriteTimeUtc(Path.Combine(dotnet, name + ".elf")) > File.GetLastWriteTimeUtc(Path.Combine(minimal, name + ".elf")) ? dotnet : minimal;
        return new BuiltImage(Path.Combine(output, name + ".elf"), Path.Combine(output, name + ".iso"), build.Output);
    }
}

internal sealed record BuiltImage(string Elf, string Iso, string BuildOutput);

using Uk.Core;
using Uk.NetDev;

namespace Uk.Net;

// Brings up the first network device at init class sys (the drivers registered theirs at
// lib): builds the stack from the options, which the net.ip=, net.gw= and net.dns= kernel
// parameters override, and with DHCP polls the device for up to boot-wait-ms so the address
// is there when Main starts.
public static class NetstackLibrary
{
    public static void Initialize()
    {
        INetDevice? device = NetDevices.First;
        if (device is null)
        {
            Log.Warn("netstack: no network device");
            return;
        }
        string address = NetworkOptions.Address, gateway = NetworkOptions.Gateway, dns = NetworkOptions.Dns;
        string source = "static";
        if (Kernel.Boot is not null)
        {
            CommandLine.Partition(CommandLine.Split(Kernel.Boot.CommandLine), out string[] parameters, out _);
            for (int i = 0; i < parameters.Length; i++)
            {
                string p = parameters[i];
                if (p.StartsWith("net.ip="))
                    address = p.Substring(7);
                else if (p.StartsWith("net.gw="))
                    gateway = p.Substring(7);
                else if (p.StartsWith("net.dns="))
                    dns = p.Substring(8);
            }
        }
        if (!NetConfig.TryParse(address, gateway, dns, out NetConfig config, out string problem))
        {
            Log.Error("netstack: " + problem + "; using dhcp");
            config = default;
            config.UseDhcp = true;
        }
        var link = new DeviceLink(device);
        var stack = new NetStack(device.Mac, link, BuildOptions());
        var tcpOptions = new Uk.Net.Tcp.TcpOptions
        {
            MaxConnections = NetworkOptions.MaxConnections,
            SendBuffer = (int)NetworkOptions.TcpSendBuffer,
            ReceiveBuffer = (int)NetworkOptions.TcpReceiveBuffer,
            SynCookies = NetworkOptions.TcpSynCookies,
            WindowScaling = NetworkOptions.TcpWindowScaling,
            Timestamps = NetworkOptions.TcpTimestamps,
            SelectiveAcknowledgments = NetworkOptions.TcpSack,
            Key = EntropyKey(),
        };
        var tcp = new Uk.Net.Tcp.TcpLayer(stack, tcpOptions);
        stack.RegisterProtocol(Ipv4Header.ProtocolTcp, tcp);
        Network.AttachTcp(tcp);
        long now = Clock.Monotonic;
        if (config.UseDhcp)
        {
            source = "dhcp";
            stack.StartDhcp(now);
        }
        else
            stack.Configure(config.Address, config.Netmask, config.Gateway, config.Dns);
        Log.Info("netstack: " + device.Name + " " + device.Mac.ToString() + " mtu " + device.Mtu.ToString() + (device.LinkUp ? "" : " (link down)"));
        Network.Attach(device, stack, link, source);
#if UK_BCL_DOTNET
        // .NET's System.Net.Sockets reaches the stack through the dotnet library's System.Native.
        Internal.Runtime.SocketSeam.Install(new Dotnet.DotnetSocketLayer());
#endif
        if (stack.IsConfigured)
        {
            Network.PrintAddress();
            return;
        }
        long deadline = now + NetworkOptions.BootWaitMs * Clock.NanosecondsPerMillisecond;
        while (!stack.IsConfigured && Clock.Monotonic < deadline)
        {
            if (Network.Poll(Clock.Monotonic) == 0)
                Plat.Pause();
        }
        if (!stack.IsConfigured)
            Log.Warn("netstack: " + device.Name + " has no address yet (dhcp continues once Main runs)");
    }

    // 256 bits from the kernel's generator for one of the stack's own.
    private static uint[] EntropyKey()
    {
        uint[] key = new uint[ChaCha20.KeyWords];
        Entropy.FillKey(key);
        return key;
    }

    private static NetStackOptions BuildOptions()
    {
        var options = new NetStackOptions
        {
            ArpCacheSize = NetworkOptions.ArpCache,
            UdpQueueBytes = (int)NetworkOptions.UdpQueue,
            Key = EntropyKey(),
        };
        int slots = options.ReassemblySlots;
        long perSlot = NetworkOptions.ReassemblyLimit / slots;
        options.ReassemblyMaxBytes = (int)(perSlot < 1500 ? 1500 : perSlot > 65535 ? 65535 : perSlot);
        return options;
    }
}

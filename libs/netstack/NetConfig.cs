namespace Uk.Net;

// How the interface gets its address: "dhcp", or "a.b.c.d/prefix" with an optional gateway
// and DNS server, as the manifest options and the net.* kernel parameters spell them.
public struct NetConfig
{
    public bool UseDhcp;
    public IPv4Address Address;
    public IPv4Address Netmask;
    public IPv4Address Gateway;
    public IPv4Address Dns;

    // Empty gateway/dns mean none. problem says what was wrong.
    public static bool TryParse(string address, string gateway, string dns, out NetConfig config, out string problem)
    {
        config = default;
        problem = "";
        if (address == "dhcp" || address.Length == 0)
            config.UseDhcp = true;
        else
        {
            int slash = address.IndexOf('/');
            string ip = slash < 0 ? address : address.Substring(0, slash);
            int prefix = 24;
            if (slash >= 0 && !TryParsePrefix(address.Substring(slash + 1), out prefix))
            {
                problem = "address '" + address + "': the prefix length must be 1..32";
                return false;
            }
            if (!IPv4Address.TryParse(ip, out config.Address) || config.Address.IsAny || config.Address.IsBroadcast || config.Address.IsMulticast)
            {
                problem = "address '" + address + "' is not 'dhcp' or a.b.c.d/prefix";
                return false;
            }
            config.Netmask = MaskOf(prefix);
        }
        if (gateway.Length > 0 && !IPv4Address.TryParse(gateway, out config.Gateway))
        {
            problem = "gateway '" + gateway + "' is not an IPv4 address";
            return false;
        }
        if (dns.Length > 0 && !IPv4Address.TryParse(dns, out config.Dns))
        {
            problem = "dns '" + dns + "' is not an IPv4 address";
            return false;
        }
        return true;
    }

    private static bool TryParsePrefix(string text, out int prefix)
    {
        prefix = 0;
        if (text.Length == 0 || text.Length > 2)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
                return false;
            prefix = prefix * 10 + (text[i] - '0');
        }
        return prefix >= 1 && prefix <= 32;
    }

    public static IPv4Address MaskOf(int prefix) => new IPv4Address(prefix <= 0 ? 0 : 0xFFFF_FFFFU << (32 - prefix));

    public static int PrefixOf(IPv4Address mask)
    {
        int n = 0;
        uint value = mask.Value;
        while ((value & 0x8000_0000U) != 0)
        {
            n++;
            value <<= 1;
        }
        return n;
    }

    // "eth0 10.0.2.15/24 gw 10.0.2.2 (dhcp)", the line printed at boot (the DNS server gets
    // a line of its own, so this one keeps the agreed shape).
    public static string Describe(string device, NetStack stack, string source)
    {
        string text = device + " " + stack.Address.ToString() + "/" + PrefixOf(stack.Netmask).ToString();
        if (!stack.Gateway.IsAny)
            text += " gw " + stack.Gateway.ToString();
        return text + " (" + source + ")";
    }
}

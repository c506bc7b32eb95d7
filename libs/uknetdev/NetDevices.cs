namespace Uk.NetDev;

// The network interfaces the drivers found, in discovery order (eth0 first).
public static class NetDevices
{
    private static INetDevice[] s_devices = new INetDevice[2];
    private static int s_count;

    public static int Count => s_count;

    public static INetDevice Get(int index) => s_devices[index];

    public static INetDevice? First => s_count > 0 ? s_devices[0] : null;

    // The name the next registered device gets.
    public static string NextName => "eth" + s_count.ToString();

    public static void Register(INetDevice device)
    {
        if (s_count == s_devices.Length)
        {
            var larger = new INetDevice[s_devices.Length * 2];
            for (int i = 0; i < s_count; i++)
                larger[i] = s_devices[i];
            s_devices = larger;
        }
        s_devices[s_count++] = device;
    }
}

namespace Uk.BlkDev;

// The disks the drivers found, in discovery order. Drivers register at init time (class
// plat or lib); file systems and applications look them up by name or index afterwards.
public static class BlockDevices
{
    private static IBlockDevice[] s_devices = new IBlockDevice[4];
    private static int s_count;

    public static int Count => s_count;

    public static IBlockDevice Get(int index) => s_devices[index];

    public static IBlockDevice? Find(string name)
    {
        for (int i = 0; i < s_count; i++)
        {
            if (s_devices[i].Name == name)
                return s_devices[i];
        }
        return null;
    }

    public static void Register(IBlockDevice device)
    {
        if (s_count == s_devices.Length)
        {
            var larger = new IBlockDevice[s_devices.Length * 2];
            for (int i = 0; i < s_count; i++)
                larger[i] = s_devices[i];
            s_devices = larger;
        }
        s_devices[s_count++] = device;
    }
}

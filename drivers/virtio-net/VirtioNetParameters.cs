namespace Uk.Drivers.VirtioNet;

// Kernel parameters that override the manifest's options for one boot, e.g.
// "virtio-net.mergeable=false virtio-net.rx-buffer-size=256 --": one image can then be
// booted with every combination the tests try. Unknown names and bad values are reported.
public static class VirtioNetParameters
{
    private const string Prefix = "virtio-net.";

    // Applies every virtio-net.* word; returns the problems (empty when none).
    public static string Apply(string[] parameters)
    {
        string problems = "";
        for (int i = 0; i < parameters.Length; i++)
        {
            string word = parameters[i];
            if (!word.StartsWith(Prefix))
                continue;
            int equals = word.IndexOf('=');
            if (equals < 0 || !Set(word.Substring(Prefix.Length, equals - Prefix.Length), word.Substring(equals + 1)))
                problems += (problems.Length > 0 ? ", " : "") + word;
        }
        return problems;
    }

    private static bool Set(string name, string value)
    {
        switch (name)
        {
            case "rx-queue-size": return TryInt(value, 1, MaxQueueSize, ref VirtioNetOptions.RxQueueSize);
            case "tx-queue-size": return TryInt(value, 1, MaxQueueSize, ref VirtioNetOptions.TxQueueSize);
            case "rx-buffers": return TryInt(value, 1, MaxBuffers, ref VirtioNetOptions.RxBuffers);
            case "rx-buffer-size": return TryInt(value, 64, MaxBufferSize, ref VirtioNetOptions.RxBufferSize);
            case "tx-buffers": return TryInt(value, 1, MaxBuffers, ref VirtioNetOptions.TxBuffers);
            case "checksum-offload": return TryBool(value, ref VirtioNetOptions.ChecksumOffload);
            case "mergeable": return TryBool(value, ref VirtioNetOptions.Mergeable);
            case "event-index": return TryBool(value, ref VirtioNetOptions.EventIndex);
            case "interrupts": return TryBool(value, ref VirtioNetOptions.Interrupts);
            default: return false;
        }
    }

    // Virtio's largest queue; buffer counts and sizes beyond these are typing mistakes (the
    // heap budget in VirtioNetLibrary bounds what is left).
    public const int MaxQueueSize = 32768;
    public const int MaxBuffers = 65536;
    public const int MaxBufferSize = 65536;

    private static bool TryInt(string text, int minimum, int maximum, ref int target)
    {
        if (text.Length == 0 || text.Length > 9)
            return false;
        int value = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9')
                return false;
            value = value * 10 + (c - '0');
        }
        if (value < minimum || value > maximum)
            return false;
        target = value;
        return true;
    }

    private static bool TryBool(string text, ref bool target)
    {
        if (text == "true" || text == "on" || text == "1")
            target = true;
        else if (text == "false" || text == "off" || text == "0")
            target = false;
        else
            return false;
        return true;
    }
}

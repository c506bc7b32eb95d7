namespace Uk.Core;

// Names of the platform's assembly code (interrupt entry, thread start, boot), which the
// function table built from ILC's object does not cover. A handful of entries: a linear scan.
internal static unsafe class StubNames
{
    public static bool TryFind(ulong address, out string name, out ulong offset)
    {
        ulong* end;
        for (ulong* entry = Plat.GetStubNames(&end); entry + 3 <= end; entry += 3)
        {
            if (address < entry[0] || address >= entry[1])
                continue;
            name = new string((sbyte*)entry[2]);
            offset = address - entry[0];
            return true;
        }
        name = string.Empty;
        offset = 0;
        return false;
    }
}

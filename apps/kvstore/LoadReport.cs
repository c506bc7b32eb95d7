using System;

namespace KvStore;

// What loading the log found, on the console: every damaged stretch skipped (so a damaged
// disk is noticed, not silently smaller), a torn tail, a read-only disk.
internal static class LoadReport
{
    // A badly damaged disk should not bury the console in lines; the summary counts them all.
    private const int MaxStretchesListed = 20;

    public static void Print(KeyValueLog log)
    {
        long skipped = 0;
        for (int i = 0; i < log.Damage.Count; i++)
        {
            LogDamage damage = log.Damage[i];
            skipped += damage.Length;
            if (i == MaxStretchesListed)
                Console.WriteLine("kvstore: ... " + (log.Damage.Count - MaxStretchesListed).ToString() + " more damaged stretches, not listed");
            if (i >= MaxStretchesListed)
                continue;
            Console.WriteLine("kvstore: skipped " + damage.Length.ToString() + " damaged bytes at offset " + damage.Offset.ToString()
                + " (a record whose checksum or header is wrong); resynchronised on the valid record at offset "
                + (damage.Offset + damage.Length).ToString() + ", the bytes are left on the disk as they are");
        }
        string summary = "kvstore: loaded " + log.RecordsLoaded.ToString() + " records, " + log.Index.Count.ToString() + " keys";
        if (log.Damage.Count > 0)
            summary += ", skipped " + log.Damage.Count.ToString() + (log.Damage.Count == 1 ? " damaged stretch (" : " damaged stretches (") + skipped.ToString() + " bytes)";
        if (log.DroppedBytes > 0)
            summary += ", dropped a torn record at offset " + log.Tail.ToString() + (log.IsReadOnly ? " (left as is: read-only)" : "");
        Console.WriteLine(summary);
        if (log.IsReadOnly)
            Console.WriteLine("kvstore: the disk is read-only: get, list and dump work, put and del are refused");
    }
}

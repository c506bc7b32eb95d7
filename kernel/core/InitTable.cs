namespace Uk.Core;

// The libraries' init functions, registered by the build-generated composition code so the
// core never names a library. Capacity grows with registrations; nothing is fixed-size.
[System.Runtime.CompilerServices.EagerStaticClassConstruction]
public static unsafe class InitTable
{
    private static Entry[] s_entries = new Entry[8];
    private static int s_count;

    public static int Count => s_count;

    public static void Register(InitClass initClass, delegate*<void> init, string library)
    {
        if (s_count == s_entries.Length)
        {
            Entry[] larger = new Entry[s_entries.Length * 2];
            new System.ReadOnlySpan<Entry>(s_entries).CopyTo(larger);
            s_entries = larger;
        }
        s_entries[s_count++] = new Entry(initClass, init, library);
    }

    // Runs one class's functions in registration order (the build orders them by dependency).
    internal static void Run(InitClass initClass)
    {
        for (int i = 0; i < s_count; i++)
        {
            Entry entry = s_entries[i];
            if (entry.Class != initClass)
                continue;
            Log.Debug("init " + ClassName(initClass) + ": " + entry.Library);
            entry.Function();
        }
    }

    internal static string ClassName(InitClass initClass) => initClass switch
    {
        InitClass.Early => "early",
        InitClass.Plat => "plat",
        InitClass.Lib => "lib",
        InitClass.Sys => "sys",
        _ => "late",
    };

    private readonly struct Entry
    {
        public Entry(InitClass initClass, delegate*<void> function, string library)
        {
            Class = initClass;
            Function = function;
            Library = library;
        }

        public InitClass Class { get; }

        public delegate*<void> Function { get; }

        public string Library { get; }
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

// Start-up work that ILC leaves to the runtime, found through the ReadyToRun header that
// the `__modules` section points at: GC statics, eager static constructors, module initialisers.
internal static unsafe class ModuleSections
{
    private const uint Signature = 0x00525452; // "RTR"
    private const int GCStaticRegion = 201;
    private const int EagerClassConstructors = 205;
    private const int ModuleInitializers = 213;

    private const nint StaticUninitialized = 1;
    private const nint StaticHasPreinitializedData = 2;
    private const nint StaticFlagsMask = 3;

    private static ReadyToRunHeader** s_modulesStart;
    private static ReadyToRunHeader** s_modulesEnd;

    internal static void Initialize(void* modulesStart, void* modulesEnd)
    {
        s_modulesStart = (ReadyToRunHeader**)modulesStart;
        s_modulesEnd = (ReadyToRunHeader**)modulesEnd;
        for (ReadyToRunHeader** module = s_modulesStart; module < s_modulesEnd; module++)
        {
            if (*module == null)
                continue;
            if ((*module)->Signature != Signature)
                RuntimeFailure.Fail("corrupt image: a module header lacks the RTR signature", null);
            InitializeGCStatics(*module);
        }
        // Static constructors may use any GC static, so they run once every module has its statics.
        for (ReadyToRunHeader** module = s_modulesStart; module < s_modulesEnd; module++)
        {
            if (*module != null)
                CallAll(*module, EagerClassConstructors);
        }
    }

    internal static void RunModuleInitializers()
    {
        for (ReadyToRunHeader** module = s_modulesStart; module < s_modulesEnd; module++)
        {
            if (*module != null)
                CallAll(*module, ModuleInitializers);
        }
    }

    private static void InitializeGCStatics(ReadyToRunHeader* header)
    {
        if (!FindSection(header, GCStaticRegion, out byte* start, out byte* end))
            return;
        for (int* entry = (int*)start; entry < (int*)end; entry++)
        {
            nint* cell = (nint*)FollowRelative(entry);
            nint holder = (nint)FollowRelative((int*)cell);
            if ((holder & StaticUninitialized) == 0)
                continue;
            MethodTable* type = (MethodTable*)(holder & ~StaticFlagsMask);
            object statics = Allocation.NewObject(type);
            if ((holder & StaticHasPreinitializedData) != 0)
            {
                byte* data = FollowRelative((int*)cell + 1);
                Buffer.Memmove(ref Unsafe.As<RawData>(statics).Data, ref *data, type->BaseSize - (nuint)(2 * sizeof(nint)));
            }
            *cell = Unsafe.As<object, nint>(ref statics);
        }
    }

    private static void CallAll(ReadyToRunHeader* header, int sectionId)
    {
        if (!FindSection(header, sectionId, out byte* start, out byte* end))
            return;
        for (int* entry = (int*)start; entry < (int*)end; entry++)
            ((delegate*<void>)FollowRelative(entry))();
    }

    private static bool FindSection(ReadyToRunHeader* header, int sectionId, out byte* start, out byte* end)
    {
        ModuleSection* sections = (ModuleSection*)(header + 1);
        for (int i = 0; i < header->NumberOfSections; i++)
        {
            if (sections[i].Id == sectionId)
            {
                start = sections[i].Start;
                end = sections[i].End;
                return true;
            }
        }
        start = end = null;
        return false;
    }

    private static byte* FollowRelative(int* cell) => (byte*)cell + *cell;

    [StructLayout(LayoutKind.Sequential)]
    private struct ReadyToRunHeader
    {
        public uint Signature;
        public ushort MajorVersion;
        public ushort MinorVersion;
        public uint Flags;
        public ushort NumberOfSections;
        public byte EntrySize;
        public byte EntryType;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ModuleSection
    {
        public int Id;
        public int Flags;
        public byte* Start;
        public byte* End;
    }
}

using System.Runtime;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// The image's one module, as CoreLib's start-up registers it: the type manager wraps the
// ReadyToRun header ILC emitted, and every section CoreLib asks for is found there.
internal static unsafe class Modules
{
    private const uint ReadyToRunSignature = 0x00525452; // "RTR"
    private const int SectionHasEndPointer = 1;
    private const int ReadonlyBlobRegionStart = 300;

    private static nint s_osModule;

    [RuntimeExport("RhpRegisterOsModule")]
    private static nint RegisterOsModule(nint osModule)
    {
        s_osModule = osModule;
        return osModule;
    }

    // CoreLib reads the first two fields (the OS module and the header); the rest is ours.
    [RuntimeExport("RhpCreateTypeManager")]
    private static TypeManager* CreateTypeManager(nint osModule, ReadyToRunHeader* header, nint* classlibFunctions, int count)
    {
        if (header->Signature != ReadyToRunSignature)
            RuntimeFailure.Fail("corrupt image: the module header lacks the RTR signature", null);
        TypeManager* manager = (TypeManager*)HeapSeam.AllocateAligned((nuint)sizeof(TypeManager), 16);
        if (manager == null)
            RuntimeFailure.Fail("out of memory while registering the image's module", null);
        manager->OsModule = osModule;
        manager->Header = header;
        manager->ClasslibFunctions = classlibFunctions;
        manager->ClasslibFunctionCount = count;
        ClasslibFunctions.Register(classlibFunctions, count);
        return manager;
    }

    [RuntimeExport("RhpGetModuleSection")]
    private static void* GetModuleSection(TypeManager** handle, int sectionId, int* length)
    {
        ModuleSection* section = Find((*handle)->Header, sectionId);
        if (section == null)
        {
            *length = 0;
            return null;
        }
        *length = (section->Flags & SectionHasEndPointer) != 0 ? (int)(section->End - section->Start) : sizeof(nint);
        return section->Start;
    }

    [RuntimeExport("RhFindBlob")]
    private static bool FindBlob(TypeManager** handle, uint blobId, byte** blob, uint* length)
    {
        ModuleSection* section = Find((*handle)->Header, ReadonlyBlobRegionStart + (int)blobId);
        if (section == null)
        {
            *blob = null;
            *length = 0;
            return false;
        }
        *blob = section->Start;
        *length = (uint)(section->End - section->Start);
        return true;
    }

    [RuntimeExport("RhGetOSModuleFromPointer")]
    private static nint GetOsModuleFromPointer(nint address) => s_osModule;

    // No file backs the image: an empty name (CoreLib decodes it, so never null).
    [RuntimeExport("RhGetModuleFileName")]
    private static int GetModuleFileName(nint osModule, byte** name)
    {
        fixed (byte* empty = "\0"u8)
            *name = empty;
        return 0;
    }

    // The knobs ILC embedded from --runtimeknob (the SDK's runtimeconfig options):
    // { uint count; char* keys[count]; char* values[count] }.
    [RuntimeExport("RhGetKnobValues")]
    private static uint GetKnobValues(byte*** keys, byte*** values)
    {
        byte* blob = uk_dotnet_knobs();
        uint count = *(uint*)blob;
        *keys = (byte**)(blob + sizeof(nint));
        *values = *keys + count;
        return count;
    }

    private static ModuleSection* Find(ReadyToRunHeader* header, int sectionId)
    {
        ModuleSection* sections = (ModuleSection*)(header + 1);
        for (int i = 0; i < header->NumberOfSections; i++)
        {
            if (sections[i].Id == sectionId)
                return &sections[i];
        }
        return null;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern byte* uk_dotnet_knobs();
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TypeManager
{
    public nint OsModule;
    public ReadyToRunHeader* Header;
    public nint* ClasslibFunctions;
    public int ClasslibFunctionCount;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ReadyToRunHeader
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
internal unsafe struct ModuleSection
{
    public int Id;
    public int Flags;
    public byte* Start;
    public byte* End;
}

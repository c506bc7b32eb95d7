using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Internal.Runtime.Unwinding;

// The image's own call frame information, as the linker script placed it.
internal static unsafe class ImageFrames
{
    // The build links the tables unless core.unwind-tables is false, and tells ILC which with
    // this switch: without them no frame can be unwound by its rules, so ILC folds the
    // branches that would walk them and leaves the unwinder and the clause search out of
    // the image. Compiled without the switch, the tables are looked for at run time.
    [FeatureSwitchDefinition("Uk.UnwindTables")]
    internal static bool Linked => true;

    internal static FrameTable Table => Linked ? new FrameTable(uk_eh_frame_hdr()) : default;

    [DllImport("*"), SuppressGCTransition]
    private static extern byte* uk_eh_frame_hdr();
}

using System.Runtime.InteropServices;

namespace Internal.Runtime.Unwinding;

// The image's own call frame information, as the linker script placed it.
internal static unsafe class ImageFrames
{
    internal static FrameTable Table => new FrameTable(uk_eh_frame_hdr());

    [DllImport("*"), SuppressGCTransition]
    private static extern byte* uk_eh_frame_hdr();
}

using System.Runtime.InteropServices;

namespace Uk.Core;

// Where the loaded image lies, as the platform's ukplat_image_bounds reports it from the
// linker script's symbols. Code is [Start, TextEnd).
[StructLayout(LayoutKind.Sequential)]
public struct ImageBounds
{
    public ulong Start;
    public ulong End;
    public ulong ModulesStart;
    public ulong ModulesEnd;
    public ulong TextEnd;
    public ulong ReadOnlyEnd;

    public readonly bool IsCode(ulong address) => address >= Start && address < TextEnd;
}

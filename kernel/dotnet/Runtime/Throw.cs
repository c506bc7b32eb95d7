using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Internal.Runtime.Exceptions;
using Internal.Runtime.Unwinding;

namespace Uk.Dotnet.Runtime;

// The platform's throw entries (runtime/exceptions.asm: RhpThrowEx, RhpRethrow, faults) give
// the registers of the frame that raised the exception; here that becomes CoreLib's ExInfo,
// on this stack, and CoreLib's own dispatcher takes over. None of them returns.
internal static unsafe class Throw
{
    // CoreLib's exception codes for faults (RhThrowHwEx).
    private const uint NullReference = 0;
    private const uint DivideByZero = 0xC0000094;
    private const uint IntegerOverflow = 0xC0000095;
    private const ulong DivideErrorVector = 0;
    private const ulong OverflowVector = 4; // a divide error that overflowed (the platform's Traps)

    [RuntimeExport("uk_dispatch_throw")]
    private static void Raise(object exception, RegisterContext* site)
    {
        ThrowContext context = NewContext(site);
        ExInfo info = NewInfo(&context, ExInfo.KindThrow);
        ExInfoChain.Push(&info);
        ((delegate*<object, ExInfo*, void>)uk_dotnet_rh_throw_ex())(exception, &info);
    }

    // `throw;` comes from a catch funclet: one frame out is the funclet call, whose record
    // names the dispatch being handled.
    [RuntimeExport("uk_dispatch_rethrow")]
    private static void Rethrow(RegisterContext* site)
    {
        RegisterContext funcletCall = *site;
        FuncletRecord* record = null;
        if (FrameUnwinder.TryStep(ImageFrames.Table, ref funcletCall, pcIsReturnAddress: true))
            record = FuncletRecord.At(funcletCall.Rip, funcletCall.Rsp);
        if (record == null || record->ExInfo == null)
            RuntimeFailure.Fail("rethrow outside of a catch block", null);
        ThrowContext context = NewContext(site);
        ExInfo info = NewInfo(&context, ExInfo.KindThrow | ExInfo.KindRethrowFlag);
        ExInfoChain.Push(&info);
        ((delegate*<ExInfo*, ExInfo*, void>)uk_dotnet_rh_rethrow())((ExInfo*)record->ExInfo, &info);
    }

    // A fault the platform raised as an exception (Traps: a null dereference, a division by
    // zero or int.MinValue / -1 in managed code); CoreLib makes the exception from the code.
    [RuntimeExport("uk_dispatch_hardware_fault")]
    private static void Fault(RegisterContext* site, ulong vector, ulong errorCode, ulong faultAddress)
    {
        ThrowContext context = NewContext(site);
        ExInfo info = NewInfo(&context, ExInfo.KindHardwareFault);
        ExInfoChain.Push(&info);
        uint code = vector switch
        {
            DivideErrorVector => DivideByZero,
            OverflowVector => IntegerOverflow,
            _ => NullReference,
        };
        ((delegate*<uint, ExInfo*, void>)uk_dotnet_rh_throw_hw_ex())(code, &info);
    }

    private static ThrowContext NewContext(RegisterContext* site)
    {
        ThrowContext context = default;
        context.Pc = site->Rip;
        context.Registers = *site;
        return context;
    }

    private static ExInfo NewInfo(ThrowContext* context, byte kind)
    {
        ExInfo info = default;
        info.Context = context;
        info.Kind = kind;
        info.PassNumber = 1;
        info.CurrentClause = ExInfo.NoClause;
        return info;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_rh_throw_ex();

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_rh_rethrow();

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_rh_throw_hw_ex();
}

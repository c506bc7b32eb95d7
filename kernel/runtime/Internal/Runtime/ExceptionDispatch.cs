using System;
using System.Runtime;

namespace Internal.Runtime;

// `throw` compiles to a call of RhpThrowEx. There is no unwinder yet, so every exception is
// unhandled: it ends in the kernel panic with the exception's type and message.
internal static class ExceptionDispatch
{
    [RuntimeExport("RhpThrowEx")]
    private static void ThrowException(object? exception)
    {
        // `throw null` throws a NullReferenceException, as in the CLR.
        exception ??= new NullReferenceException();
        string message = exception is Exception managed
            ? "unhandled exception: " + TypeNames.FullNameOf(exception) + ": " + managed.Message
            : "unhandled exception: " + TypeNames.FullNameOf(exception);
        RuntimeFailure.Fail(message, exception);
    }

    [RuntimeExport("RhpRethrow")]
    private static void Rethrow() => RuntimeFailure.Fail("rethrow outside of a catch block", null);
}

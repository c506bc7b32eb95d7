namespace Internal.Runtime.Exceptions;

// CPU faults in managed code that .NET raises as exceptions; the platform's trap handler
// says which (uk_throw_hardware_fault in runtime/exceptions.asm).
internal enum HardwareFault
{
    NullReference = 1,
    DivideByZero = 2,
}

namespace Uk.Drivers.Acpi;

// The MPS INTI flag encodings the MADT uses; Conforming means "as the bus specifies"
// (ISA: active high, edge).
public enum InterruptPolarity
{
    Conforming = 0,
    ActiveHigh = 1,
    ActiveLow = 3,
}

public enum InterruptTrigger
{
    Conforming = 0,
    Edge = 1,
    Level = 3,
}

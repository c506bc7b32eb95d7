namespace Uk.Core;

// The machine's own way to switch itself off and to restart (on PCs: ACPI's FADT), installed
// by a library. Each call returns only when it did not work, with the reason; the caller then
// falls back.
public interface IPowerControl
{
    string PowerOff();

    string Reset();
}

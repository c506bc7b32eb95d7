namespace Uk.Drivers.Xhci;

// Set from the manifest before any init runs.
public static class XhciOptions
{
    public static int TimeoutMs = 2000;
    public static bool Interrupts = true;
    public static int PortSettleMs = 200;
}

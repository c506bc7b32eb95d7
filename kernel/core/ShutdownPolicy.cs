namespace Uk.Core;

// How the machine ends once Main has returned (core.shutdown). Real machines have no exit
// code, so Kernel.Shutdown has printed it on the consoles before this runs.
public static class ShutdownPolicy
{
    private static IPowerControl? s_power;

    public static void InstallPowerControl(IPowerControl power) => s_power = power;

    public static void End(int exitCode)
    {
        Plat.DisableInterrupts();
        switch (CoreOptions.Shutdown)
        {
            case "halt":
                Halt("core.shutdown is halt");
                break;
            case "reboot":
                Reboot();
                break;
            case "poweroff":
                PowerOff();
                break;
            default:
                // qemu-exit: under QEMU with isa-debug-exit this does not return; elsewhere the
                // write is lost and the machine powers off instead.
                Plat.QemuExit(exitCode);
                PowerOff();
                break;
        }
    }

    private static void PowerOff() =>
        Halt(s_power is null ? "no power-off: list the acpi library in unikernel.yaml" : s_power.PowerOff());

    // The firmware's reset register first: the platform's fallbacks are blunter.
    private static void Reboot()
    {
        if (s_power is not null)
            Log.Info("shutdown: " + s_power.Reset() + "; resetting through the platform");
        Plat.Reset();
        Halt("the machine did not reset");
    }

    private static void Halt(string reason)
    {
        Log.Info("shutdown: " + reason + "; halting");
        Plat.Halt();
    }
}

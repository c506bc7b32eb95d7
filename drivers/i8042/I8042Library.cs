using Uk.Core;
using Uk.Drivers.Acpi;
using Uk.Plat.PcX86_64;

namespace Uk.Drivers.I8042;

public static class I8042Library
{
    // Sets up the controller and adds the keyboard to the console inputs; where the FADT or
    // the controller says there is none, logs why once and adds nothing.
    public static void Initialize()
    {
        I8042Status status;
        byte code = 0;
        bool interrupts = I8042Options.Interrupts && Interrupts.Controller is not null;
        if (AcpiFirmware.Tables?.Fadt is Fadt fadt && fadt.Says8042Absent)
        {
            status = I8042Status.AbsentPerFirmware;
        }
        else
        {
            var controller = new I8042Controller(new MachinePorts());
            status = controller.Initialize();
            code = controller.FailureCode;
            if (status == I8042Status.Ready)
                ConsoleInput.Register(new KeyboardInput(controller, interrupts));
        }
        string message = "i8042: " + I8042StatusText.Describe(status, code);
        if (status == I8042Status.Ready)
            Log.Info(message + (interrupts ? ", IRQ 1 through the " + Interrupts.Controller!.Name : ", polled"));
        else
            Log.Info(message + "; no keyboard input");
    }
}

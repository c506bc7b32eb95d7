using Uk.BlkDev;

namespace Uk.Drivers.Ahci;

// The first command a new disk gets, before an AhciDisk exists for it: IDENTIFY DEVICE into
// the port's sector buffer, polled, with the request deadline.
public static class DiskIdentification
{
    // Null, with the reason, when the device does not answer or is not a disk the driver can
    // address; the port is recovered then.
    public static IdentifyData? Run(AhciPort port, out string refusal)
    {
        port.Issue(AtaProtocol.IdentifyDevice, 0, 0, port.Memory.IdentifyAddress, AtaProtocol.IdentifyBytes, write: false);
        long deadline = Deadline.After(AhciOptions.TimeoutMs);
        for (long polls = 0; ; polls++)
        {
            CommandResult result = port.Poll();
            if (result == CommandResult.Done)
                return IdentifyData.Parse(port.Memory.IdentifyBuffer, out refusal);
            if (result == CommandResult.Failed || Deadline.Passed(deadline, polls, AhciOptions.TimeoutMs))
            {
                port.Recover(resetDevice: result != CommandResult.Failed);
                refusal = result == CommandResult.Failed ? "IDENTIFY DEVICE failed, task file 0x" + port.LastTaskFile.ToString("x4") : "IDENTIFY DEVICE timed out";
                return null;
            }
        }
    }
}

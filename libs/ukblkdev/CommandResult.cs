namespace Uk.BlkDev;

// What polling the device found for the command in flight.
public enum CommandResult
{
    // Still running.
    Busy,
    Done,
    // The device (or the controller in front of it) reported an error.
    Failed,
}

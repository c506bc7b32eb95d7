namespace Uk.Drivers.Ahci;

// What polling the port found for the command in flight.
public enum CommandResult
{
    // Still running.
    Busy,
    Done,
    // The device or the HBA reported an error; the port must be recovered.
    Failed,
}

namespace Uk.Drivers.Nvme;

// What polling the I/O completion queue found for the command in flight.
public enum CommandResult
{
    // Still running.
    Busy,
    Done,
    // The controller completed it with an error status.
    Failed,
}

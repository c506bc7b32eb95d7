namespace Uk.Net;

public enum DnsStatus
{
    Pending,
    Resolved,
    NotFound,      // the server says the name has no address
    Failed,        // no answer after every retry, or a server failure
    InvalidName,
    NoServer,      // the stack has no DNS server configured
}

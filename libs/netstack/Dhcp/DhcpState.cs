namespace Uk.Net;

public enum DhcpState
{
    Stopped,
    Selecting,
    Requesting,
    Bound,
    Renewing,
    Rebinding,
}

using System;

namespace Uk.Net;

// One name being resolved. Start it with DnsResolver.Resolve, then wait (under the network
// lock's rules) until Status is no longer Pending; Changed runs when it completes.
public sealed class DnsLookup
{
    internal DnsLookup(string name) => Name = name;

    public string Name { get; }

    public DnsStatus Status { get; private set; }

    public IPv4Address Address { get; private set; }

    public bool IsDone => Status != DnsStatus.Pending;

    public Action? Changed { get; set; }

    internal ushort Id;
    internal int Attempts;
    internal long Deadline;

    internal void Complete(DnsStatus status, IPv4Address address)
    {
        Status = status;
        Address = address;
        Changed?.Invoke();
    }
}

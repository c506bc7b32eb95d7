using Uk.NetDev;

namespace Uk.Net;

// IPv4 -> MAC mappings in a fixed array. An entry is either resolved (until it expires; one
// used in its last moments is refreshed meanwhile) or pending (a request went out; retried
// until ArpRetries are spent). A full cache evicts the
// resolved entry closest to expiry, or failing that the oldest pending one.
public sealed class ArpCache
{
    public struct Entry
    {
        public IPv4Address Address;
        public MacAddress Mac;
        public bool InUse;
        public bool Resolved;
        public long Expires;      // resolved: when the mapping lapses
        public long NextRetry;    // pending, or resolved and being refreshed: when to ask again
        public int RequestsSent;  // resolved: refresh requests sent since the last answer
    }

    private readonly Entry[] _entries;

    public ArpCache(int size) => _entries = new Entry[size < 1 ? 1 : size];

    public int Capacity => _entries.Length;

    public int Count
    {
        get
        {
            int n = 0;
            for (int i = 0; i < _entries.Length; i++)
                if (_entries[i].InUse)
                    n++;
            return n;
        }
    }

    public ref Entry At(int index) => ref _entries[index];

    public int Find(IPv4Address address)
    {
        for (int i = 0; i < _entries.Length; i++)
            if (_entries[i].InUse && _entries[i].Address == address)
                return i;
        return -1;
    }

    public bool TryLookup(IPv4Address address, long now, out MacAddress mac) => TryLookup(address, now, out mac, out _);

    public bool TryLookup(IPv4Address address, long now, out MacAddress mac, out int index)
    {
        int i = index = Find(address);
        if (i >= 0 && _entries[i].Resolved && _entries[i].Expires > now)
        {
            mac = _entries[i].Mac;
            return true;
        }
        mac = default;
        return false;
    }

    // Takes a slot for address (reusing its own if present); evicted tells whether a live
    // entry had to go, and whose.
    public int Allocate(IPv4Address address, out bool evicted, out IPv4Address evictedAddress)
    {
        evicted = false;
        evictedAddress = default;
        int found = Find(address);
        if (found >= 0)
            return found;
        int victim = -1;
        for (int i = 0; i < _entries.Length; i++)
        {
            if (!_entries[i].InUse)
            {
                victim = i;
                break;
            }
            if (victim < 0 || Older(ref _entries[i], ref _entries[victim]))
                victim = i;
        }
        evicted = _entries[victim].InUse;
        evictedAddress = _entries[victim].Address;
        _entries[victim] = default;
        _entries[victim].InUse = true;
        _entries[victim].Address = address;
        return victim;
    }

    // Resolved entries go before pending ones (a pending one has a datagram waiting).
    private static bool Older(ref Entry a, ref Entry b)
    {
        if (a.Resolved != b.Resolved)
            return a.Resolved;
        return a.Resolved ? a.Expires < b.Expires : a.NextRetry < b.NextRetry;
    }

    public void Resolve(int index, MacAddress mac, long expires)
    {
        _entries[index].Mac = mac;
        _entries[index].Resolved = true;
        _entries[index].Expires = expires;
        _entries[index].RequestsSent = 0;
    }

    public void Remove(int index) => _entries[index] = default;

    public void Clear()
    {
        for (int i = 0; i < _entries.Length; i++)
            _entries[i] = default;
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Name resolution for System.Net.Dns (getaddrinfo, getnameinfo, gethostname): localhost and
// dotted quads are answered here, other names by netstack's DNS resolver (A records).
// Entries live in pinned arrays that FreeHostEntry lets go.
internal static unsafe class HostNames
{
    // System.Native's GetAddrInfoErrorFlags.
    private const int Success = 0;
    private const int TryAgain = 1;
    private const int Failed = 3;
    private const int NoName = 5;
    private const int BadArgument = 6;

    // GetNameInfoFlags.
    private const int NameRequired = 0x1;
    private const int NumericHost = 0x2;

    private const uint Loopback = 0x7F000001;
    private const string LocalHost = "localhost";

    private static readonly object s_gate = new object();
    private static readonly Dictionary<nint, GCHandle> s_entries = new Dictionary<nint, GCHandle>();

    [StructLayout(LayoutKind.Sequential)]
    private struct HostEntry
    {
        public byte* CanonicalName;
        public byte** Aliases;
        public void* IPAddressList;
        public int IPAddressCount;
    }

    // System.Native's IPAddress: 16 address bytes, IsIPv6, ScopeId.
    private const int AddressRecordSize = 24;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetHostEntryForName")]
    private static int GetHostEntryForName(byte* address, int family, HostEntry* entry)
    {
        *entry = default;
        if (address is null)
            return BadArgument;
        string name = NativePath.Read(address);
        if (family == SocketAddresses.FamilyInterNetworkV6)
            return NoName;
        if (family != SocketAddresses.FamilyUnspecified && family != SocketAddresses.FamilyInterNetwork)
            return BadArgument;
        uint[] addresses;
        if (string.Equals(name, LocalHost, StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            addresses = new[] { Loopback };
        else if (TryParseDottedQuad(name, out uint literal))
            addresses = new[] { literal };
        else
        {
            ISocketLayer? layer = SocketSeam.Installed;
            if (layer is null)
                return Failed;
            int error = layer.Resolve(name, out addresses);
            if (error != 0)
                return error == Errors.ENOENT ? NoName : error == Errors.ETIMEDOUT ? TryAgain : Failed;
        }
        Fill(entry, name, addresses);
        return Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FreeHostEntry")]
    private static void FreeHostEntry(HostEntry* entry)
    {
        if (entry is null || entry->Aliases is null)
            return;
        lock (s_gate)
        {
            if (s_entries.Remove((nint)entry->Aliases, out GCHandle handle))
                handle.Free();
        }
        *entry = default;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetHostName")]
    private static int GetHostName(byte* name, int length)
    {
        string host = SocketSeam.Installed?.HostName ?? LocalHost;
        int count = Encoding.UTF8.GetByteCount(host);
        if (name is null || length <= count)
            return Errors.Fail(Errors.ENAMETOOLONG);
        Encoding.UTF8.GetBytes(host, new Span<byte>(name, count));
        name[count] = 0;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetNameInfo")]
    private static int GetNameInfo(byte* address, int addressLength, sbyte isIPv6, byte* host, int hostLength, byte* service, int serviceLength, int flags)
    {
        if (address is null || host is null || isIPv6 != 0 || addressLength < 4)
            return BadArgument;
        uint ip = (uint)address[0] << 24 | (uint)address[1] << 16 | (uint)address[2] << 8 | address[3];
        string text;
        if ((flags & NumericHost) == 0 && ip >> 24 == 127)
            text = LocalHost;
        else if ((flags & NameRequired) != 0)
            return NoName;
        else
            text = (ip >> 24).ToString() + "." + (ip >> 16 & 0xFF).ToString() + "." + (ip >> 8 & 0xFF).ToString() + "." + (ip & 0xFF).ToString();
        int count = Encoding.UTF8.GetByteCount(text);
        if (hostLength <= count)
            return BadArgument;
        Encoding.UTF8.GetBytes(text, new Span<byte>(host, count));
        host[count] = 0;
        if (service is not null && serviceLength > 0)
            service[0] = 0;
        return Success;
    }

    // One pinned block: the aliases (an empty, null-terminated list), the address records,
    // then the canonical name.
    private static void Fill(HostEntry* entry, string name, uint[] addresses)
    {
        int nameBytes = Encoding.UTF8.GetByteCount(name);
        int recordsOffset = sizeof(nint);
        int nameOffset = recordsOffset + addresses.Length * AddressRecordSize;
        byte[] block = new byte[nameOffset + nameBytes + 1];
        GCHandle handle = GCHandle.Alloc(block, GCHandleType.Pinned);
        byte* start = (byte*)handle.AddrOfPinnedObject();
        for (int i = 0; i < addresses.Length; i++)
        {
            byte* record = start + recordsOffset + i * AddressRecordSize;
            record[0] = (byte)(addresses[i] >> 24);
            record[1] = (byte)(addresses[i] >> 16);
            record[2] = (byte)(addresses[i] >> 8);
            record[3] = (byte)addresses[i];
        }
        Encoding.UTF8.GetBytes(name, new Span<byte>(start + nameOffset, nameBytes));
        lock (s_gate)
            s_entries[(nint)start] = handle;
        entry->Aliases = (byte**)start;
        entry->IPAddressList = start + recordsOffset;
        entry->IPAddressCount = addresses.Length;
        entry->CanonicalName = start + nameOffset;
    }

    private static bool TryParseDottedQuad(string text, out uint address)
    {
        address = 0;
        string[] parts = text.Split('.');
        if (parts.Length != 4)
            return false;
        foreach (string part in parts)
        {
            if (part.Length is 0 or > 3 || !byte.TryParse(part, out byte octet))
                return false;
            address = address << 8 | octet;
        }
        return true;
    }
}

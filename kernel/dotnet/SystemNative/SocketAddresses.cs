using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// Socket addresses in Linux's layout (sockaddr_in, sockaddr_in6, sockaddr_un), which .NET's
// SocketAddress buffers hold and read only through these functions: the family in host
// order, the port and the address in network order.
internal static unsafe class SocketAddresses
{
    internal const int IPv4Size = 16;
    internal const int IPv6Size = 28;
    private const int UnixSize = 110;
    private const int UnixPathOffset = 2;
    private const int MaxSize = 128;

    private const ushort NativeInet = 2;
    private const ushort NativeInet6 = 10;
    private const ushort NativeUnix = 1;

    // System.Net.AddressFamily values, as the PAL passes them.
    internal const int FamilyUnspecified = 0;
    internal const int FamilyUnix = 1;
    internal const int FamilyInterNetwork = 2;
    internal const int FamilyInterNetworkV6 = 23;

    // Reads an IPv4 address and port (host order); EAFNOSUPPORT for another family, EINVAL
    // for a short buffer.
    internal static int ReadIPv4(byte* address, int length, out uint ip, out int port)
    {
        ip = 0;
        port = 0;
        if (address is null || length < 2)
            return Errors.EINVAL;
        if (*(ushort*)address != NativeInet)
            return Errors.EAFNOSUPPORT;
        if (length < IPv4Size)
            return Errors.EINVAL;
        port = address[2] << 8 | address[3];
        ip = (uint)address[4] << 24 | (uint)address[5] << 16 | (uint)address[6] << 8 | address[7];
        return 0;
    }

    // Writes sockaddr_in into a buffer of *length bytes; *length becomes its size. False
    // when the buffer is too small (nothing written).
    internal static bool WriteIPv4(byte* address, int* length, uint ip, int port)
    {
        if (address is null || length is null || *length < IPv4Size)
            return false;
        new System.Span<byte>(address, IPv4Size).Clear();
        *(ushort*)address = NativeInet;
        address[2] = (byte)(port >> 8);
        address[3] = (byte)port;
        address[4] = (byte)(ip >> 24);
        address[5] = (byte)(ip >> 16);
        address[6] = (byte)(ip >> 8);
        address[7] = (byte)ip;
        *length = IPv4Size;
        return true;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetSocketAddressSizes")]
    private static int GetSizes(int* ipv4, int* ipv6, int* unix, int* max)
    {
        *ipv4 = IPv4Size;
        *ipv6 = IPv6Size;
        *unix = UnixSize;
        *max = MaxSize;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetMaximumAddressSize")]
    private static int GetMaximumSize() => MaxSize;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetDomainSocketSizes")]
    private static void GetUnixSizes(int* pathOffset, int* pathSize, int* addressSize)
    {
        *pathOffset = UnixPathOffset;
        *pathSize = UnixSize - UnixPathOffset;
        *addressSize = UnixSize;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PlatformSupportsDualModeIPv4PacketInfo")]
    private static int SupportsDualModePacketInfo() => 1;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetAddressFamily")]
    private static int GetFamily(byte* address, int length, int* family)
    {
        if (address is null || length < 2)
            return Errors.EINVAL;
        switch (*(ushort*)address)
        {
            case 0: *family = FamilyUnspecified; return 0;
            case NativeInet: *family = FamilyInterNetwork; return 0;
            case NativeInet6: *family = FamilyInterNetworkV6; return 0;
            case NativeUnix: *family = FamilyUnix; return 0;
            default: return Errors.EAFNOSUPPORT;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetAddressFamily")]
    private static int SetFamily(byte* address, int length, int family)
    {
        if (address is null || length < 2)
            return Errors.EINVAL;
        ushort native;
        switch (family)
        {
            case FamilyUnspecified: native = 0; break;
            case FamilyInterNetwork: native = NativeInet; break;
            case FamilyInterNetworkV6: native = NativeInet6; break;
            case FamilyUnix: native = NativeUnix; break;
            default: return Errors.EAFNOSUPPORT;
        }
        *(ushort*)address = native;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetPort")]
    private static int GetPort(byte* address, int length, ushort* port)
    {
        int error = CheckInet(address, length);
        if (error != 0)
            return error;
        *port = (ushort)(address[2] << 8 | address[3]);
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetPort")]
    private static int SetPort(byte* address, int length, ushort port)
    {
        int error = CheckInet(address, length);
        if (error != 0)
            return error;
        address[2] = (byte)(port >> 8);
        address[3] = (byte)port;
        return 0;
    }

    // The address as in_addr holds it: the four bytes in network order, read as they lie.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetIPv4Address")]
    private static int GetIPv4(byte* address, int length, uint* ip)
    {
        if (address is null || length < IPv4Size || *(ushort*)address != NativeInet)
            return Errors.EINVAL;
        *ip = *(uint*)(address + 4);
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetIPv4Address")]
    private static int SetIPv4(byte* address, int length, uint ip)
    {
        if (address is null || length < IPv4Size)
            return Errors.EINVAL;
        *(ushort*)address = NativeInet;
        *(uint*)(address + 4) = ip;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetIPv6Address")]
    private static int GetIPv6(byte* address, int length, byte* ip, int ipLength, uint* scopeId)
    {
        if (address is null || length < IPv6Size || *(ushort*)address != NativeInet6 || ipLength < 16)
            return Errors.EINVAL;
        new System.ReadOnlySpan<byte>(address + 8, 16).CopyTo(new System.Span<byte>(ip, 16));
        *scopeId = *(uint*)(address + 24);
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetIPv6Address")]
    private static int SetIPv6(byte* address, int length, byte* ip, int ipLength, uint scopeId)
    {
        if (address is null || length < IPv6Size || ipLength < 16)
            return Errors.EINVAL;
        *(ushort*)address = NativeInet6;
        *(uint*)(address + 4) = 0;
        new System.ReadOnlySpan<byte>(ip, 16).CopyTo(new System.Span<byte>(address + 8, 16));
        *(uint*)(address + 24) = scopeId;
        return 0;
    }

    private static int CheckInet(byte* address, int length)
    {
        if (address is null || length < 2)
            return Errors.EINVAL;
        ushort family = *(ushort*)address;
        if (family == NativeInet)
            return length >= IPv4Size ? 0 : Errors.EINVAL;
        if (family == NativeInet6)
            return length >= IPv6Size ? 0 : Errors.EINVAL;
        return Errors.EAFNOSUPPORT;
    }
}

namespace Uk.Drivers.Pci;

// What a driver handles: a vendor with one device id or any (AnyDevice), or a class and
// subclass for any vendor (vendor AnyVendor).
public readonly struct PciDriverMatch
{
    public const ushort AnyVendor = 0xFFFF;
    public const ushort AnyDevice = 0xFFFF;
    public const int AnyClass = -1;

    public PciDriverMatch(ushort vendorId, ushort deviceId, int classCode = AnyClass, int subclass = AnyClass)
    {
        VendorId = vendorId;
        DeviceId = deviceId;
        ClassCode = classCode;
        Subclass = subclass;
    }

    public ushort VendorId { get; }

    public ushort DeviceId { get; }

    public int ClassCode { get; }

    public int Subclass { get; }

    public static PciDriverMatch Device(ushort vendorId, ushort deviceId) => new PciDriverMatch(vendorId, deviceId);

    public static PciDriverMatch Class(int classCode, int subclass) => new PciDriverMatch(AnyVendor, AnyDevice, classCode, subclass);

    public bool Matches(PciDevice device) =>
        (VendorId == AnyVendor || VendorId == device.VendorId)
        && (DeviceId == AnyDevice || DeviceId == device.DeviceId)
        && (ClassCode == AnyClass || ClassCode == device.ClassCode)
        && (Subclass == AnyClass || Subclass == device.Subclass);
}

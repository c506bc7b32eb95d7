using Uk.Core;

namespace Uk.Plat.PcX86_64;

public sealed class MachinePorts : IPortIo
{
    public byte Read8(ushort port) => PortIo.Read8(port);

    public void Write8(ushort port, byte value) => PortIo.Write8(port, value);
}

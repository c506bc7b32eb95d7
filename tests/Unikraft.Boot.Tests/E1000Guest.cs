namespace Unikraft.Boot.Tests;

// httpserver on QEMU's 82540EM (-device e1000), served by the e1000 library.
public sealed class E1000Guest() : HttpServerGuest(Images.HttpE1000.Elf, "e1000");

// The same image on QEMU's 82574L (-device e1000e): one library drives both chips.
public sealed class E1000eGuest() : HttpServerGuest(Images.HttpE1000.Elf, "e1000e");

// The same image on QEMU's 82545EM (-device e1000-82545em), VMware's "e1000".
public sealed class E1000VmwareGuest() : HttpServerGuest(Images.HttpE1000.Elf, "e1000-82545em");

// The 82574L on q35 (PCI Express, configuration space through ECAM), as on a current PC.
public sealed class E1000eQ35Guest() : HttpServerGuest(Images.HttpE1000.Elf, "e1000e", "-machine", "q35");

// The 82540EM with e1000.interrupts false: frames found by polling only.
public sealed class E1000PolledGuest() : HttpServerGuest(Images.HttpE1000Polled.Elf, "e1000");

// The 82574L without ACPI: no I/O APIC, no message vectors, so its INTx line through the PICs.
public sealed class E1000eIntxGuest() : HttpServerGuest(Images.HttpE1000.Elf, "e1000e", "-machine", "acpi=off");

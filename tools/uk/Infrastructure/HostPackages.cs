namespace Unikraft.Cli.Infrastructure;

// The Debian package that provides a host tool, for "not installed" messages.
public static class HostPackages
{
    public static string For(string tool) => Path.GetFileName(tool) switch
    {
        "qemu-system-x86_64" => "qemu-system-x86",
        "qemu-img" => "qemu-utils",
        "gdb" => "gdb",
        "nm" or "ld" or "objcopy" => "binutils",
        "nasm" => "nasm",
        "grub-mkrescue" => "grub-common grub-pc-bin grub-efi-amd64-bin xorriso mtools",
        "dotnet" => "the .NET SDK (https://dot.net)",
        var other => other,
    };
}

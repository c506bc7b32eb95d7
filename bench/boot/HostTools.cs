using System;
using System.IO;

namespace Unikraft.Bench.Boot;

/// <summary>The host programs and firmware the benchmark needs, checked up front.</summary>
public sealed record HostTools(string Qemu, string? OvmfCode, string? OvmfVars, bool Kvm)
{
    public const string OvmfCodePath = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    public const string OvmfVarsPath = "/usr/share/OVMF/OVMF_VARS_4M.fd";

    public static HostTools Detect()
    {
        string qemu = ProcessRunner.Which("qemu-system-x86_64")
            ?? throw new BenchException("qemu-system-x86_64 not found on PATH; run ./build.ps1 setup (or apt-get install qemu-system-x86).");
        bool haveOvmf = File.Exists(OvmfCodePath) && File.Exists(OvmfVarsPath);
        bool kvm = Environment.GetEnvironmentVariable("UK_KVM") == "1";
        return new HostTools(qemu, haveOvmf ? OvmfCodePath : null, haveOvmf ? OvmfVarsPath : null, kvm);
    }

    /// <summary>Why the OVMF path cannot run, or null when it can.</summary>
    public string? OvmfMissingReason => OvmfCode is null
        ? $"OVMF firmware not found ({OvmfCodePath}, {OvmfVarsPath}); run ./build.ps1 setup (or apt-get install ovmf)."
        : null;
}

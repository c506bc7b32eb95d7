using System.Diagnostics;
using System.Runtime.CompilerServices;
using Unikraft.Build.IlcFailure;

namespace Unikraft.Build.Tests;

/// <summary>ILC's failure output read back into the method and reason, the method found in its
/// PDB, and the error printed in the user's terms.</summary>
public sealed class IlcFailureTests : IDisposable
{
    // The head of what ILC 10.0.12 printed for a generic virtual method call on the minimal corlib.
    private const string GenericVirtualMethodOutput =
        "Error: One or more errors occurred. (Code generation failed for method '[zz-probe]P.Main()')\n"
        + "System.AggregateException: One or more errors occurred. (Code generation failed for method '[zz-probe]P.Main()')\n"
        + " ---> ILCompiler.CodeGenerationFailedException: Code generation failed for method '[zz-probe]P.Main()'\n"
        + " ---> System.InvalidOperationException: Expected type 'System.Runtime.TypeLoaderExports' not found in module 'corlib'\n"
        + "   at Internal.IL.HelperExtensions.GetKnownType(ModuleDesc, String, String) + 0x9d\n"
        + "   --- End of inner exception stack trace ---\n";

    private readonly string _log = Path.GetTempFileName();

    public void Dispose() => File.Delete(_log);

    [Fact]
    public void ReadsTheMethodAndTheInnermostReason()
    {
        IlcFailureReport report = IlcFailureReport.Parse(GenericVirtualMethodOutput);

        Assert.Equal("zz-probe", report.Assembly);
        Assert.Equal("P.Main()", report.Method);
        Assert.Equal("P.Main", report.MethodPath);
        Assert.Equal("Expected type 'System.Runtime.TypeLoaderExports' not found in module 'corlib'", report.Reason);
        Assert.Equal("System.Runtime.TypeLoaderExports", report.MissingType);
    }

    [Fact]
    public void MethodPathDropsGenericArgumentsAndParameters()
    {
        IlcFailureReport report = IlcFailureReport.Parse("Code generation failed for method '[app]Shapes.Outer`1+Inner<int>.Area<__Canon>(int,string)'\n ---> System.Exception: x\n");

        Assert.Equal("Shapes.Outer+Inner.Area", report.MethodPath);
    }

    [Fact]
    public void AFailureWithoutAMethodKeepsIlcsMessage()
    {
        IlcFailureReport report = IlcFailureReport.Parse("Error: Failed to load assembly 'Missing.Library'\n");

        Assert.Null(report.Method);
        Assert.Equal("Failed to load assembly 'Missing.Library'", report.Reason);
        Assert.Equal("error UK0016: ILC could not compile the image: Failed to load assembly 'Missing.Library'", FailureExplanation.Describe(report, minimalCorlib: true, "app/unikernel.yaml"));
    }

    [Fact]
    public void FindsAMethodsFirstLineInThePdb()
    {
        (string file, int line) = Probe();

        MethodSources.SourceLine? source = MethodSources.Find(typeof(IlcFailureTests).Assembly.Location, "Unikraft.Build.Tests.IlcFailureTests.Probe");

        Assert.NotNull(source);
        Assert.Equal(file, source.File);
        Assert.Equal(line, source.Line);
        Assert.Null(MethodSources.Find(typeof(IlcFailureTests).Assembly.Location, "Unikraft.Build.Tests.IlcFailureTests.NoSuchMethod"));
    }

    [Fact]
    public void PrintsTheErrorAtTheMethodsLineWithTheManifestFix()
    {
        File.WriteAllText(_log, GenericVirtualMethodOutput.Replace("[zz-probe]P.Main()", "[Unikraft.Build.Tests]Unikraft.Build.Tests.IlcFailureTests.Probe()"));
        (string file, int line) = Probe();

        int exitCode = Run(out string stderr, "ilc-failure", "--log", _log, "--assemblies", typeof(IlcFailureTests).Assembly.Location, "--manifest", "app/unikernel.yaml", "--bcl", "minimal");

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"{file}({line},1): error UK0015: Unikraft.Build.Tests.IlcFailureTests.Probe calls a generic virtual method (a generic method of an interface, or a virtual or abstract generic method), which the minimal corlib does not support"
            + " (ILC: Expected type 'System.Runtime.TypeLoaderExports' not found in module 'corlib'): add dotnet to libraries in app/unikernel.yaml to build it on .NET's base class library, or write it without that\n",
            stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public void OnDotnetTheErrorSaysWhatIlcSaid()
    {
        File.WriteAllText(_log, GenericVirtualMethodOutput);

        int exitCode = Run(out string stderr, "ilc-failure", "--log", _log, "--assemblies", "", "--manifest", "m.yaml", "--bcl", "dotnet");

        Assert.Equal(1, exitCode);
        Assert.Equal("error UK0016: ILC could not compile P.Main: Expected type 'System.Runtime.TypeLoaderExports' not found in module 'corlib'\n", stderr.Replace("\r\n", "\n"));
    }

    // One expression on one line: its only sequence point is the line it reports, read from
    // the same PDB by the runtime's own stack trace.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string File, int Line) Probe() => (new StackFrame(0, true).GetFileName()!, new StackFrame(0, true).GetFileLineNumber());

    private static int Run(out string stderr, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = Program.Run(args, output, error);
        stderr = error.ToString();
        return exitCode;
    }
}

using Unikraft.Build.Elf;
using Unikraft.Build.Unserved;

namespace Unikraft.Build.Tests;

public sealed class UnservedImportsTests
{
    private static ElfObject Object(ElfObjectBuilder builder) => ElfSymbolReader.ReadObject(builder.Build());

    [Fact]
    public void ImportsDefinedElsewhereAreServedAndTheRestSplitIntoRefusedAndMissing()
    {
        ElfObject ilc = Object(new ElfObjectBuilder()
            .Symbol("SystemNative_Write", section: ElfObjectBuilder.Undefined)
            .Symbol("SystemNative_OpenDir", section: ElfObjectBuilder.Undefined)
            .Symbol("RhpNewFast", section: ElfObjectBuilder.Undefined)
            .Symbol("RhNewVariableSizeObject", section: ElfObjectBuilder.Undefined)
            .Symbol("IDynamicCastableIsInterfaceImplemented", ElfObjectBuilder.Weak, ElfObjectBuilder.Undefined)
            .Function("RhThrowEx", 0x40));
        ElfObject kernel = Object(new ElfObjectBuilder()
            .Function("SystemNative_Write", 0)
            .Function("RhpNewFast", 0x10));

        UnservedImports imports = UnservedImports.Find(ilc, [kernel]);

        Assert.Equal(["SystemNative_OpenDir"], imports.Refused);
        Assert.Equal(["RhNewVariableSizeObject"], imports.Missing);
    }

    [Fact]
    public void EachRefusedFunctionGetsAStubNamingItAndItsArea()
    {
        ElfObject ilc = Object(new ElfObjectBuilder()
            .Symbol("SystemNative_ReadDir", section: ElfObjectBuilder.Undefined)
            .Symbol("SystemNative_ReadStdin", section: ElfObjectBuilder.Undefined));

        string stubs = UnservedImports.Find(ilc, []).GenerateStubs("app.o");

        Assert.Contains("global SystemNative_ReadDir", stubs);
        Assert.Contains("global SystemNative_ReadStdin", stubs);
        Assert.Contains("jmp uk_dotnet_unserved", stubs);
        Assert.Contains("db \"System.IO files and directories\", 0", stubs);
        Assert.Contains("db \"console input\", 0", stubs);
    }

    [Theory]
    [InlineData("SystemNative_LStat", "System.IO files and directories")]
    [InlineData("SystemNative_GetGroups", "users and groups")]
    [InlineData("SystemNative_Socket", "System.Net sockets")]
    [InlineData("SystemNative_SNPrintF_1I", "System.Native")]
    [InlineData("CryptoNative_EvpSha256", "System.Security.Cryptography (OpenSSL)")]
    [InlineData("NetSecurityNative_InitSecContext", "System.Net.Security (GSSAPI)")]
    public void AreasFollowTheFunctionNames(string function, string area) => Assert.Equal(area, UnservedImports.AreaOf(function));
}

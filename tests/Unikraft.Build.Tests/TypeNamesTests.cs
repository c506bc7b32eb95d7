using Unikraft.Build.Elf;
using Unikraft.Build.TypeNames;

namespace Unikraft.Build.Tests;

/// <summary><c>typenames</c> on synthetic ELF objects (ILC output is not available in CI).</summary>
public sealed class TypeNamesTests : IDisposable
{
    private static readonly string[] Assemblies = { "corlib", "core", "pc-x86_64", "uart16550", "hello" };
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "uk-typenames-" + Guid.NewGuid().ToString("N"));

    public TypeNamesTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ElfObjectBuilder SampleObject() => new ElfObjectBuilder()
        .Symbol("_ZTV31corlib_System_ArgumentException", value: 0x10)
        .Symbol("_ZTV21core_Uk_Core_BootInfo", value: 0x20)
        .Symbol("_ZTV33corlib_System_LocalOnlyException", ElfObjectBuilder.Local, value: 0x30)
        .Symbol("_ZTV26corlib_System_ExternalType", section: ElfObjectBuilder.Undefined)
        .Symbol("_ZTV34Boxed_core_Uk_Core_InitTable_Entry", value: 0x40)
        .Symbol("_ZTV22corlib_System_WeakType", ElfObjectBuilder.Weak, value: 0x50)
        .Symbol("_ZTV13Int8<Pointer>", value: 0x60)
        .Symbol("_ZTV6Object", value: 0x70)
        .Symbol("_ZTV99corlib_System_WrongLength", value: 0x80)
        .Symbol("RhNewObject", value: 0x90)
        .Symbol("_ZTV28pc_x86_64_Uk_Platform_Pc_Cpu", value: 0xA0);

    [Fact]
    public void ReaderSeesBindingsAndSections()
    {
        var symbols = ElfSymbolReader.Read(SampleObject().Build());

        Assert.Equal(12, symbols.Count); // with the null symbol
        var local = symbols.Single(s => s.Name == "_ZTV33corlib_System_LocalOnlyException");
        Assert.Equal(ElfSymbol.BindLocal, local.Binding);
        Assert.True(local.IsDefined);
        var external = symbols.Single(s => s.Name == "_ZTV26corlib_System_ExternalType");
        Assert.True(external.IsGlobal);
        Assert.False(external.IsDefined);
        var argument = symbols.Single(s => s.Name == "_ZTV31corlib_System_ArgumentException");
        Assert.True(argument.IsGlobal);
        Assert.Equal(0x10UL, argument.Value);
        Assert.Equal(1, argument.SectionIndex);
    }

    [Fact]
    public void TableHoldsEveryDefinedGlobalMethodTable()
    {
        var table = TypeNameTable.Build(ElfSymbolReader.Read(SampleObject().Build()), new TypeNameDemangler(Assemblies));

        Assert.Equal(
            new[]
            {
                new TypeNameEntry("_ZTV31corlib_System_ArgumentException", "System.ArgumentException", "_ZTV31corlib_System_ArgumentException", 0),
                new TypeNameEntry("_ZTV6Object", "System.Object", "_ZTV6Object", 0),
                new TypeNameEntry("_ZTV13Int8<Pointer>", "System.SByte*", "_ZTV31corlib_System_ArgumentException", 0x50),
                new TypeNameEntry("_ZTV21core_Uk_Core_BootInfo", "Uk.Core.BootInfo", "_ZTV21core_Uk_Core_BootInfo", 0),
                new TypeNameEntry("_ZTV34Boxed_core_Uk_Core_InitTable_Entry", "Uk.Core.InitTable.Entry", "_ZTV34Boxed_core_Uk_Core_InitTable_Entry", 0),
                new TypeNameEntry("_ZTV28pc_x86_64_Uk_Platform_Pc_Cpu", "Uk.Platform.Pc.Cpu", "_ZTV28pc_x86_64_Uk_Platform_Pc_Cpu", 0),
            },
            table.Entries);
        Assert.Equal(1, table.BoxedCount);
        Assert.Empty(table.Unreferenceable);
    }

    [Theory]
    [InlineData("corlib_System_Collections_Generic_List_1<Int32>", "System.Collections.Generic.List`1[System.Int32]")]
    [InlineData("corlib_System_Collections_Generic_Dictionary_2<String__corlib_System_Collections_Generic_List_1<Bool>>", "System.Collections.Generic.Dictionary`2[System.String,System.Collections.Generic.List`1[System.Boolean]]")]
    [InlineData("__Array<__Array<UInt8>>", "System.Byte[][]")]
    [InlineData("corlib_System_Collections_Generic_List_1<System___Canon>", "System.Collections.Generic.List`1[System.__Canon]")]
    [InlineData("Int8<Pointer>", "System.SByte*")]
    public void ReadsInstantiationsArraysAndPointers(string mangled, string expected)
    {
        var reader = new MangledTypeName(TypeDefinitionCatalog.Empty, new TypeNameDemangler(Assemblies));

        Assert.Equal(expected, reader.Read(mangled));
    }

    [Fact]
    public void MetadataGivesNestedNamesAndEnumValues()
    {
        var testAssembly = typeof(TypeNamesTests).Assembly;
        var catalog = TypeDefinitionCatalog.Load(new[] { testAssembly.Location });
        var prefix = TypeNameDemangler.MangleAssembly(testAssembly.GetName().Name!) + "_Unikraft_Build_Tests_";
        var reader = new MangledTypeName(catalog, new TypeNameDemangler(new[] { testAssembly.GetName().Name! }));

        Assert.Equal("Unikraft.Build.Tests.TypeNamesTests+Sample`1+Leaf[System.Int32]", reader.Read(prefix + "TypeNamesTests_Sample_1_Leaf<Int32>"));
        Assert.True(catalog.TryGet(prefix + "TypeNamesTests_Permissions", out var permissions));
        Assert.True(permissions.IsEnum);
        Assert.True(permissions.IsFlags);
        Assert.Equal(new[] { new EnumMember("None", 0), new EnumMember("Read", 1), new EnumMember("Write", 2), new EnumMember("Huge", -2) },
            permissions.Members);
    }

    private static class Sample<T>
    {
        public sealed class Leaf
        {
        }
    }

    [Flags]
    private enum Permissions : long
    {
        None = 0,
        Read = 1,
        Write = 2,
        Huge = -2,
    }

    [Theory]
    [InlineData("corlib_System_ArgumentException", "System.ArgumentException")]
    [InlineData("pc_x86_64_Uk_Platform_Pc_Cpu", "Uk.Platform.Pc.Cpu")]
    [InlineData("core_x_Uk_Thing", "Uk.Thing")] // longest prefix: "core-x", not "core"
    [InlineData("core_Uk_Thing", "Uk.Thing")]
    [InlineData("unknown_Ns_Type", "unknown.Ns.Type")]
    [InlineData("String", "System.String")]
    [InlineData("__Array<core_Uk_Core_IConsole>", "__Array<core_Uk_Core_IConsole>")]
    [InlineData("corlib_System_Span_1<String>", "corlib_System_Span_1<String>")]
    public void DemanglesWithTheLongestAssemblyPrefix(string mangled, string expected)
    {
        var demangler = new TypeNameDemangler(new[] { "corlib", "core", "core-x", "pc-x86_64" });
        Assert.Equal(expected, demangler.Demangle(mangled));
    }

    [Theory]
    [InlineData("_ZTV6Object", "Object")]
    [InlineData("_ZTV13Int8<Pointer>", "Int8<Pointer>")]
    [InlineData("_ZTV7Object", null)]
    [InlineData("_ZTV5Object", null)]
    [InlineData("_ZTVObject", null)]
    [InlineData("_ZTV06Object", null)]
    [InlineData("_ZTI6Object", null)]
    public void ParsesTheLengthPrefix(string symbol, string? expected)
    {
        Assert.Equal(expected, TypeNameDemangler.MangledName(symbol));
    }

    [Fact]
    public void NasmStringsEscapeQuotesAndNonPrintables()
    {
        Assert.Equal("\"Ns.Type\", 0", NasmTypeNameWriter.StringData("Ns.Type"));
        Assert.Equal("\"a\", 34, \"b\", 10, 9, \"c\", 0", NasmTypeNameWriter.StringData("a\"b\n\tc"));
        Assert.Equal("\"x\", 195, 169, 0", NasmTypeNameWriter.StringData("xé"));
        Assert.Equal("\"`<\", 0", NasmTypeNameWriter.StringData("`<"));
    }

    [Fact]
    public void GeneratesTheNasmTable()
    {
        var objectPath = Write("app.o", new ElfObjectBuilder()
            .Symbol("_ZTV31corlib_System_ArgumentException")
            .Symbol("_ZTV21core_Uk_Core_BootInfo")
            .Symbol("_ZTV34Boxed_core_Uk_Core_InitTable_Entry")
            .Build());
        var output = Path.Combine(_directory, "gen", "typenames.asm");

        Assert.Equal(0, Run(out var stdout, out var stderr, "typenames", "--object", objectPath, "--assemblies", "corlib,core,hello", "--out", output));

        Assert.Equal("", stderr);
        Assert.Equal("Unikraft.Build: typenames: 3 types from app.o (1 value types, 0 enums, 0 not nameable in NASM left out); updated typenames.asm\n", stdout.Replace("\r\n", "\n"));
        Assert.Equal(
            "; <auto-generated> by Unikraft.Build typenames from app.o; do not edit.\n"
            + "bits 64\n"
            + "default rel\n"
            + "extern _ZTV21core_Uk_Core_BootInfo\n"
            + "extern _ZTV31corlib_System_ArgumentException\n"
            + "extern _ZTV34Boxed_core_Uk_Core_InitTable_Entry\n"
            + "section .rodata\n"
            + "align 8\n"
            + "uk_type_name_table_data:\n"
            + "    dq 3                      ; count\n"
            + "    dd _ZTV31corlib_System_ArgumentException, 0\n"
            + "    dd _ZTV21core_Uk_Core_BootInfo, 25\n"
            + "    dd _ZTV34Boxed_core_Uk_Core_InitTable_Entry, 42\n"
            + "uk_type_names:\n"
            + "    db \"System.ArgumentException\", 0\n"
            + "    db \"Uk.Core.BootInfo\", 0\n"
            + "    db \"Uk.Core.InitTable.Entry\", 0\n"
            + "align 8\n"
            + "uk_enum_table_data:\n"
            + "    dq 0\n"
            + "section .text\n"
            + "global uk_type_name_table\n"
            + "uk_type_name_table:\n"
            + "    lea rax, [uk_type_name_table_data]\n"
            + "    ret\n"
            + "global uk_enum_table\n"
            + "uk_enum_table:\n"
            + "    lea rax, [uk_enum_table_data]\n"
            + "    ret\n",
            File.ReadAllText(output));

        File.SetLastWriteTimeUtc(output, LongAgo);
        Assert.Equal(0, Run(out stdout, out _, "typenames", "--object", objectPath, "--assemblies", "corlib,core,hello", "--out", output));
        Assert.EndsWith("output up to date\n", stdout.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(output));
    }

    [Fact]
    public void NoMethodTablesGiveAnEmptyTable()
    {
        var objectPath = Write("empty.o", new ElfObjectBuilder()
            .Symbol("_ZTV23corlib_System_Exception", ElfObjectBuilder.Local)
            .Symbol("RhNewObject")
            .Build());
        var output = Path.Combine(_directory, "typenames.asm");

        Assert.Equal(0, Run(out _, out _, "typenames", "--object", objectPath, "--assemblies", "corlib", "--out", output));

        var text = File.ReadAllText(output);
        Assert.Contains("uk_type_name_table_data:\n    dq 0                      ; count\nuk_type_names:\nalign 8\nuk_enum_table_data:\n    dq 0\nsection .text\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("extern", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesNasmCannotSayAreReachedThroughAnotherSymbolOfTheirSection()
    {
        var objectPath = Write("generic.o", new ElfObjectBuilder()
            .Symbol("_ZTV15__Array<String>", value: 0x40)
            .Symbol("_ZTV6Object", value: 0x10)
            .Build());
        var output = Path.Combine(_directory, "typenames.asm");

        Assert.Equal(0, Run(out var stdout, out _, "typenames", "--object", objectPath, "--assemblies", "corlib", "--out", output));

        Assert.Contains("2 types from generic.o (0 value types, 0 enums, 0 not nameable in NASM left out)", stdout, StringComparison.Ordinal);
        var text = File.ReadAllText(output);
        Assert.Contains("    dd _ZTV6Object + 0x30, 14\n", text, StringComparison.Ordinal);
        Assert.Contains("    db \"System.String[]\", 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameWithNoNameableNeighbourIsListedAsLeftOut()
    {
        var objectPath = Write("lonely.o", new ElfObjectBuilder().Symbol("_ZTV15__Array<String>").Build());
        var output = Path.Combine(_directory, "typenames.asm");

        Assert.Equal(0, Run(out var stdout, out _, "typenames", "--object", objectPath, "--assemblies", "corlib", "--out", output));

        Assert.Contains("0 types from lonely.o (0 value types, 0 enums, 1 not nameable in NASM left out)", stdout, StringComparison.Ordinal);
        Assert.Contains("; not in the table (NASM cannot name it): _ZTV15__Array<String>\n", File.ReadAllText(output), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> BadObjects() => new()
    {
        { "text.o", "not an object at all"u8.ToArray(), "not an ELF file" },
        { "elf32.o", new ElfObjectBuilder { Class = 1 }.Build(), "not a 64-bit ELF file" },
        { "exec.o", new ElfObjectBuilder { Type = 2 }.Build(), "not a relocatable object (e_type 2, ET_REL expected)" },
        { "arm.o", new ElfObjectBuilder { Machine = 183 }.Build(), "not an x86-64 object (e_machine 183)" },
        { "short.o", new ElfObjectBuilder().Symbol("_ZTV6Object").Build()[..200], "lies outside the file" },
    };

    [Theory]
    [MemberData(nameof(BadObjects))]
    public void RejectsWhatIsNotAnX86_64RelocatableObject(string name, byte[] content, string message)
    {
        var objectPath = Write(name, content);
        var output = Path.Combine(_directory, "typenames.asm");

        Assert.Equal(1, Run(out var stdout, out var stderr, "typenames", "--object", objectPath, "--assemblies", "corlib", "--out", output));

        Assert.Equal("", stdout);
        Assert.StartsWith($"Unikraft.Build: error: '{objectPath}': ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void MissingObjectIsAnError()
    {
        var objectPath = Path.Combine(_directory, "missing.o");

        Assert.Equal(1, Run(out _, out var stderr, "typenames", "--object", objectPath, "--assemblies", "corlib", "--out", Path.Combine(_directory, "t.asm")));

        Assert.StartsWith($"Unikraft.Build: error: cannot read '{objectPath}': ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typenames")]
    [InlineData("typenames", "--object", "a.o", "--out", "t.asm")]
    [InlineData("typenames", "--object", "a.o", "--assemblies", "corlib")]
    [InlineData("typenames", "--assemblies", "corlib", "--out", "t.asm")]
    [InlineData("typenames", "--object", "a.o", "--assemblies", "corlib", "--out", "t.asm", "--root", ".")]
    [InlineData("typenames", "--object")]
    public void UsageErrorsExitOne(params string[] args)
    {
        Assert.Equal(1, Run(out var stdout, out var stderr, args));
        Assert.Equal("", stdout);
        Assert.StartsWith("Unikraft.Build: error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("typenames --object", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static int Run(out string stdout, out string stderr, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error);
        stdout = output.ToString();
        stderr = error.ToString();
        return exitCode;
    }
}

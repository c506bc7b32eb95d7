using System.Globalization;
using System.Text;
using Unikraft.Build.Elf;
using Unikraft.Build.Symbols;
using Unikraft.Build.TypeNames;

namespace Unikraft.Build.Tests;

/// <summary>The function symbol table <c>typenames --symbols</c> emits, on synthetic objects.</summary>
public sealed class SymbolTableTests : IDisposable
{
    private static readonly string[] Assemblies = { "corlib", "core", "pc-x86_64", "typesystem", "hello" };
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "uk-symbols-" + Guid.NewGuid().ToString("N"));

    public SymbolTableTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static FunctionNameDemangler Demangler() => new(new TypeNameDemangler(Assemblies));

    private static ElfObjectBuilder SampleObject() => new ElfObjectBuilder()
        .Function("corlib_System_Span_1<Char>__Slice", 0x00)
        .Function("core_Uk_Core_Kernel__Start", 0x40, size: 0x30)
        .Function("core_Uk_Core_Kernel__RunMain", 0x10)
        .Function("RhpNewFast", 0x20)
        .Function("corlib_Internal_Runtime_Allocation__NewObject", 0x20)
        .Function("hello_Program___Main__", 0x30, binding: ElfObjectBuilder.Local)
        .Symbol("_ZTV6Object", value: 0x8)
        .Symbol("core_Uk_Core_NotCode", section: ElfObjectBuilder.CodeSection, value: 0x70);

    [Fact]
    public void ReaderNamesTheSections()
    {
        var file = ElfSymbolReader.ReadObject(SampleObject().Build());

        Assert.Equal(new[] { "", ".data", ".symtab", ".strtab", ".shstrtab", "__managedcode" }, file.SectionNames);
        Assert.Equal(5, file.SectionIndex("__managedcode"));
        Assert.Equal(-1, file.SectionIndex(".text"));
        var start = file.Symbols.Single(s => s.Name == "core_Uk_Core_Kernel__Start");
        Assert.True(start.IsFunction);
        Assert.Equal(0x30UL, start.Size);
        Assert.False(file.Symbols.Single(s => s.Name == "_ZTV6Object").IsFunction);
    }

    [Theory]
    [InlineData("core_Uk_Core_Kernel__Start", "Uk.Core.Kernel", "Start")]
    [InlineData("core_Uk_Core_InitTable_Entry__get_Class", "Uk.Core.InitTable.Entry", "get_Class")]
    [InlineData("core_Uk_Core_Consoles___cctor", "Uk.Core.Consoles", ".cctor")]
    [InlineData("corlib_System_ArgumentException___ctor_2", "System.ArgumentException", ".ctor")]
    [InlineData("core_System_Console__WriteLine_0", "System.Console", "WriteLine")]
    [InlineData("String__Concat_1", "System.String", "Concat")]
    [InlineData("Int32__ToString", "System.Int32", "ToString")]
    [InlineData("pc_x86_64_Uk_Plat_PcX86_64_Traps__OnTrap", "Uk.Plat.PcX86_64.Traps", "OnTrap")]
    [InlineData("hello_Program___Main__", "Program", "<Main>$")]
    [InlineData("hello__Module___StartupCodeMain", "<Module>", "StartupCodeMain")]
    [InlineData("corlib_System_Span_1<core_Uk_Core_InitTable_Entry>___ctor", "System.Span<Uk.Core.InitTable.Entry>", ".ctor")]
    [InlineData("corlib_System_ReadOnlySpan_1<System___Canon>__ToArray", "System.ReadOnlySpan<System.__Canon>", "ToArray")]
    [InlineData("corlib_System_Func_3<Int32__Int32__Int32>__InvokeOpenStaticThunk", "System.Func<System.Int32,System.Int32,System.Int32>", "InvokeOpenStaticThunk")]
    [InlineData("corlib_System_MemoryExtensions__SequenceEqual<Char>", "System.MemoryExtensions", "SequenceEqual<System.Char>")]
    [InlineData("typesystem_TypeSystem_TypeChecks___c___Delegates_b__6_1", "TypeSystem.TypeChecks.<>c", "<Delegates>b__6_1")]
    [InlineData("typesystem_TypeSystem_TypeChecks___c__DisplayClass6_0___Delegates_b__0", "TypeSystem.TypeChecks.<>c__DisplayClass6_0", "<Delegates>b__0")]
    [InlineData("RhpNewFast", "", "RhpNewFast")]
    [InlineData("uk_compose", "", "uk_compose")]
    [InlineData("__managed__Main", "", "__managed__Main")]
    [InlineData("<Boxed>corlib_X__<unbox>corlib_X__M", "", "<Boxed>corlib_X__<unbox>corlib_X__M")]
    [InlineData("core_NoMethod", "", "core_NoMethod")]
    public void DemanglesMethodSymbols(string symbol, string owner, string method)
    {
        Assert.Equal(new FunctionName(owner, method), Demangler().Demangle(symbol));
    }

    [Theory]
    [InlineData("Uk.Core.Kernel", "Uk.Core", "Kernel")]
    [InlineData("System.Span<Uk.Core.Entry>", "System", "Span<Uk.Core.Entry>")]
    [InlineData("<Module>", "", "<Module>")]
    [InlineData("TypeSystem.TypeChecks.<>c", "TypeSystem.TypeChecks", "<>c")]
    public void SplitsTypesAtTheLastDotOutsideGenericArguments(string type, string scope, string name)
    {
        Assert.Equal((scope, name), FunctionNameDemangler.SplitType(type));
    }

    [Fact]
    public void TableHoldsEveryCodeFunctionSortedOncePerAddress()
    {
        var table = FunctionSymbolTable.Build(ElfSymbolReader.ReadObject(SampleObject().Build()), Demangler());

        Assert.Equal(
            new[]
            {
                new FunctionEntry(0x00, new FunctionName("System.Span<System.Char>", "Slice")),
                new FunctionEntry(0x10, new FunctionName("Uk.Core.Kernel", "RunMain")),
                new FunctionEntry(0x20, new FunctionName("Internal.Runtime.Allocation", "NewObject")),
                new FunctionEntry(0x30, new FunctionName("Program", "<Main>$")),
                new FunctionEntry(0x40, new FunctionName("Uk.Core.Kernel", "Start")),
            },
            table.Entries);
        Assert.Equal(1, table.AliasesSkipped);
        // The lowest global NASM can spell: not the generic at 0, not the local at 0x30.
        Assert.Equal("core_Uk_Core_Kernel__RunMain", table.Anchor);
        Assert.Equal(0x10UL, table.AnchorOffset);
        Assert.Equal(0x70UL, table.End);
    }

    [Fact]
    public void WithoutACodeSectionTheTableIsEmpty()
    {
        var table = FunctionSymbolTable.Build(
            ElfSymbolReader.ReadObject(new ElfObjectBuilder().Symbol("core_Uk_Core_Kernel__Start", value: 0x10, type: ElfObjectBuilder.FunctionType).Build()),
            Demangler());

        Assert.Empty(table.Entries);
        Assert.Null(table.Anchor);
        Assert.Contains("    dq 0 ; start of __managedcode\n    dd 0, 1, 0x0, 0", NasmSymbolTableWriter.Generate(table, "x.o", out _), StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedTableResolvesEveryFunctionToItsName()
    {
        var objectPath = Path.Combine(_directory, "app.o");
        File.WriteAllBytes(objectPath, SampleObject().Build());
        var output = Path.Combine(_directory, "symbols.asm");
        var stdout = new StringWriter();

        var exitCode = Program.Run(
            new[] { "typenames", "--object", objectPath, "--assemblies", string.Join(",", Assemblies), "--out", Path.Combine(_directory, "typenames.asm"), "--symbols", output },
            stdout,
            new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.Contains("Unikraft.Build: symbols: 5 functions from app.o (1 aliases, 0 without a name); updated symbols.asm", stdout.ToString(), StringComparison.Ordinal);
        var text = File.ReadAllText(output);
        Assert.Contains("extern core_Uk_Core_Kernel__RunMain\n", text, StringComparison.Ordinal);
        Assert.Contains("    dq core_Uk_Core_Kernel__RunMain - 0x10 ; start of __managedcode\n", text, StringComparison.Ordinal);
        Assert.Contains("global uk_symbol_table\n", text, StringComparison.Ordinal);
        Assert.Equal(
            new[]
            {
                (0x00UL, "System.Span<System.Char>.Slice"),
                (0x10UL, "Uk.Core.Kernel.RunMain"),
                (0x20UL, "Internal.Runtime.Allocation.NewObject"),
                (0x30UL, "Program.<Main>$"),
                (0x40UL, "Uk.Core.Kernel.Start"),
            },
            TableReader.Names(text, out var end));
        Assert.Equal(0x70U, end);
        // Shared strings are stored once: "Uk.Core" and "Kernel" serve both Kernel methods.
        Assert.Single(text.Split('\n'), line => line == "    db \"Kernel\", 0");
    }

    /// <summary>Reads the generated data back the way the kernel's SymbolTable does.</summary>
    private static class TableReader
    {
        public static List<(ulong Offset, string Name)> Names(string asm, out uint end)
        {
            var bytes = new List<byte>();
            var data = asm.Substring(asm.IndexOf("uk_symbol_table_data:\n", StringComparison.Ordinal));
            foreach (var raw in data.Split('\n').Skip(1))
            {
                var line = raw.Split(';')[0].Trim();
                if (line.StartsWith("section", StringComparison.Ordinal))
                {
                    break;
                }

                var (directive, width) = line[..2] switch { "dq" => ("dq", 8), "dd" => ("dd", 4), "dw" => ("dw", 2), _ => ("db", 1) };
                Assert.Equal(directive, line[..2]);
                if (directive == "dq" && !char.IsAsciiDigit(line[3]))
                {
                    bytes.AddRange(new byte[8]); // the anchor's address, filled in by the linker
                    continue;
                }

                foreach (var operand in SplitOperands(line[3..]))
                {
                    if (operand.StartsWith('"'))
                    {
                        bytes.AddRange(Encoding.ASCII.GetBytes(operand.Trim('"')));
                        continue;
                    }

                    var value = operand.StartsWith("0x", StringComparison.Ordinal)
                        ? ulong.Parse(operand[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                        : ulong.Parse(operand, CultureInfo.InvariantCulture);
                    bytes.AddRange(BitConverter.GetBytes(value).Take(width));
                }
            }

            var table = bytes.ToArray();
            var count = BitConverter.ToUInt32(table, 8);
            var typeCount = BitConverter.ToUInt32(table, 12);
            end = BitConverter.ToUInt32(table, 16);
            var types = 24 + (int)(count * 8);
            var names = types + (int)(typeCount * 4);
            var result = new List<(ulong, string)>();
            for (var i = 0; i < count; i++)
            {
                var entry = 24 + (i * 8);
                var type = BitConverter.ToUInt16(table, entry + 4);
                var parts = new[]
                {
                    Read(table, names + BitConverter.ToUInt16(table, types + (type * 4))),
                    Read(table, names + BitConverter.ToUInt16(table, types + (type * 4) + 2)),
                    Read(table, names + BitConverter.ToUInt16(table, entry + 6)),
                };
                result.Add((BitConverter.ToUInt32(table, entry), string.Join(".", parts.Where(p => p.Length > 0))));
            }

            return result;
        }

        private static IEnumerable<string> SplitOperands(string operands)
        {
            var inString = false;
            var start = 0;
            for (var i = 0; i < operands.Length; i++)
            {
                if (operands[i] == '"')
                {
                    inString = !inString;
                }
                else if (operands[i] == ',' && !inString)
                {
                    yield return operands[start..i].Trim();
                    start = i + 1;
                }
            }

            yield return operands[start..].Trim();
        }

        private static string Read(byte[] table, int offset) =>
            Encoding.ASCII.GetString(table, offset, Array.IndexOf(table, (byte)0, offset) - offset);
    }
}

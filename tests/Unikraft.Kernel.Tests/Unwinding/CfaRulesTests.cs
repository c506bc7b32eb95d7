using System.Globalization;
using System.Text.RegularExpressions;
using Internal.Runtime.Unwinding;
using Unikraft.Boot.Tests;

namespace Unikraft.Kernel.Tests.Unwinding;

// The unwind rules computed at a pc against binutils' own reading of the same image
// (readelf --debug-dump=frames-interp prints the rule table of every FDE row by row), then
// one unwinding step over a stack laid out as those rules say.
[Collection(LinkedImageCollection.Name)]
public sealed unsafe partial class CfaRulesTests(LinkedImage image)
{
    private static readonly Dictionary<string, int> DwarfNumbers = new()
    {
        ["rax"] = 0, ["rdx"] = 1, ["rcx"] = 2, ["rbx"] = 3, ["rsi"] = 4, ["rdi"] = 5, ["rbp"] = 6, ["rsp"] = 7,
        ["r8"] = 8, ["r9"] = 9, ["r10"] = 10, ["r11"] = 11, ["r12"] = 12, ["r13"] = 13, ["r14"] = 14, ["r15"] = 15, ["ra"] = 16,
    };

    private FrameTable Table => new FrameTable(image.Host(image.Symbols["__eh_frame_hdr_start"]));

    [Fact]
    public void RulesAtEveryRowMatchReadelf()
    {
        FrameTable table = Table;
        List<Row> rows = ReadelfRows();
        Assert.True(rows.Count > 1000, "readelf printed only " + rows.Count + " rows");
        var mismatches = new List<string>();
        foreach (Row row in rows)
        {
            string where = "0x" + row.Location.ToString("X", CultureInfo.InvariantCulture);
            if (!table.TryFind((ulong)image.Host(row.Location), out FrameDescription frame)
                || !CfaRules.TryCompute(in frame, (ulong)image.Host(row.Location), out CfaRules rules))
            {
                mismatches.Add(where + ": no rules");
                continue;
            }
            if (rules.CfaRegister != row.CfaRegister || rules.CfaOffset != row.CfaOffset)
                mismatches.Add(where + ": CFA r" + rules.CfaRegister + "+" + rules.CfaOffset + ", readelf r" + row.CfaRegister + "+" + row.CfaOffset);
            foreach ((int register, long? savedAt) in row.Registers)
            {
                long? ours = rules.IsSaved(register) ? rules.SavedAt(register) : null;
                if (ours != savedAt)
                    mismatches.Add(where + ": r" + register + " at " + (ours?.ToString(CultureInfo.InvariantCulture) ?? "u") + ", readelf " + (savedAt?.ToString(CultureInfo.InvariantCulture) ?? "u"));
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public void OneStepRestoresTheCallerFromTheSlotsTheRulesName()
    {
        // The row after a prologue that saved the most registers: the hardest case.
        Row row = ReadelfRows().Where(r => r.CfaRegister == RegisterContext.DwarfRsp).MaxBy(r => r.Registers.Count(pair => pair.SavedAt is not null))!;
        ulong pc = (ulong)image.Host(row.Location);
        ulong[] stack = new ulong[512];
        fixed (ulong* words = stack)
        {
            ulong rsp = (ulong)(words + 64);
            ulong cfa = rsp + (ulong)row.CfaOffset;
            var expected = new RegisterContext { Rbx = 0xB0B0, Rbp = 0xB1B1, R12 = 0x1212, R13 = 0x1313, R14 = 0x1414, R15 = 0x1515 };
            foreach ((int register, long? savedAt) in row.Registers)
            {
                if (savedAt is null)
                    continue;
                ulong value = register == RegisterContext.DwarfReturnAddress ? 0x1234_5678 : 0xC000 + (ulong)register;
                *(ulong*)(cfa + (ulong)savedAt.Value) = value;
                expected.Set(register, value);
            }
            var context = new RegisterContext { Rip = pc, Rsp = rsp, Rbp = 0xB1B1, Rbx = 0xB0B0, R12 = 0x1212, R13 = 0x1313, R14 = 0x1414, R15 = 0x1515 };

            Assert.True(FrameUnwinder.TryStep(Table, ref context, pcIsReturnAddress: false));

            Assert.Equal(cfa, context.Rsp);
            Assert.Equal(0x1234_5678UL, context.Rip);
            Assert.Equal(expected.Rbx, context.Rbx);
            Assert.Equal(expected.Rbp, context.Rbp);
            Assert.Equal(expected.R12, context.R12);
            Assert.Equal(expected.R13, context.R13);
            Assert.Equal(expected.R14, context.R14);
            Assert.Equal(expected.R15, context.R15);
            Assert.True(row.Registers.Count(pair => pair.SavedAt is not null) >= 4, "expected a prologue saving several registers");
        }
    }

    [Fact]
    public void AStepThatWouldReadOutsideTheFrameStops()
    {
        Row row = ReadelfRows().First(r => r.CfaOffset > 8 && r.CfaRegister == RegisterContext.DwarfRbp);
        // An rbp-based CFA below rsp means a broken frame: nothing may be read.
        var context = new RegisterContext { Rip = (ulong)image.Host(row.Location), Rsp = 0x10_0000, Rbp = 0x1000 };
        Assert.False(FrameUnwinder.TryStep(Table, ref context, pcIsReturnAddress: false));
        Assert.Equal(0x10_0000UL, context.Rsp);
    }

    private sealed record Row(ulong Location, int CfaRegister, long CfaOffset, List<(int Register, long? SavedAt)> Registers);

    private List<Row> ReadelfRows()
    {
        HostProcessResult readelf = HostProcess.Run("readelf", ["--debug-dump=frames-interp", image.ElfPath], TimeSpan.FromMinutes(1));
        Assert.Equal(0, readelf.ExitCode);
        var rows = new List<Row>();
        string[]? columns = null;
        bool inFde = false;
        foreach (string line in readelf.Lines)
        {
            if (line.Contains(" FDE ", StringComparison.Ordinal))
            {
                inFde = true;
                columns = null;
                continue;
            }
            if (line.Contains(" CIE ", StringComparison.Ordinal) || line.Length == 0)
            {
                if (line.Length != 0)
                    inFde = false;
                continue;
            }
            if (!inFde)
                continue;
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[0] == "LOC")
            {
                columns = fields;
                continue;
            }
            Match cfa = CfaRule().Match(fields[1]);
            if (columns is null || !cfa.Success)
                continue;
            var registers = new List<(int, long?)>();
            for (int i = 2; i < fields.Length; i++)
                registers.Add((DwarfNumbers[columns[i]], fields[i] == "u" ? null : long.Parse(fields[i].AsSpan(1), CultureInfo.InvariantCulture)));
            rows.Add(new Row(Convert.ToUInt64(fields[0], 16), DwarfNumbers[cfa.Groups[1].Value], long.Parse(cfa.Groups[2].Value, CultureInfo.InvariantCulture), registers));
        }
        return rows;
    }

    [GeneratedRegex(@"^(r\w+)\+(\d+)$")]
    private static partial Regex CfaRule();
}

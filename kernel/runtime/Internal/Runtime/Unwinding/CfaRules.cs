namespace Internal.Runtime.Unwinding;

// The unwind rules in force at one pc of a function, from running its CIE's and FDE's
// call frame instructions up to that pc: how to compute the CFA (the caller's rsp: the
// address just above the return address) and where each saved register was stored.
internal unsafe struct CfaRules
{
    internal const int RegisterCount = 17;

    internal int CfaRegister;
    internal long CfaOffset;
    // Per DWARF register: true when saved at CFA + SavedAt[r].
    private fixed bool _saved[RegisterCount];
    private fixed long _savedAt[RegisterCount];

    internal readonly bool IsSaved(int register) => _saved[register];

    internal readonly long SavedAt(int register) => _savedAt[register];

    // The rules at pc, or false if an instruction is one this reader does not handle
    // (expressions, which neither ILC nor the platform's stubs emit).
    internal static bool TryCompute(in FrameDescription frame, ulong pc, out CfaRules rules)
    {
        rules = default;
        CfaRules initial = default;
        ulong location = frame.CodeStart;
        if (!Run(ref rules, in initial, in frame, frame.InitialInstructions, frame.InitialInstructionsEnd, ref location, ulong.MaxValue))
            return false;
        initial = rules;
        return Run(ref rules, in initial, in frame, frame.Instructions, frame.InstructionsEnd, ref location, pc);
    }

    private static bool Run(ref CfaRules rules, in CfaRules initial, in FrameDescription frame, byte* start, byte* end, ref ulong location, ulong pc)
    {
        CfaRules remembered = default;
        DwarfCursor cursor = new DwarfCursor(start);
        while (cursor.Position < end)
        {
            byte opcode = cursor.ReadByte();
            byte operand = (byte)(opcode & 0x3F);
            switch (opcode >> 6)
            {
                case 1: // DW_CFA_advance_loc
                    location += operand * frame.CodeAlignment;
                    if (location > pc)
                        return true;
                    continue;
                case 2: // DW_CFA_offset
                    rules.Save(operand, (long)cursor.ReadUleb128() * frame.DataAlignment);
                    continue;
                case 3: // DW_CFA_restore
                    rules.Restore(operand, in initial);
                    continue;
            }
            switch (opcode)
            {
                case 0x00: // DW_CFA_nop
                    break;
                case 0x02: // DW_CFA_advance_loc1
                    location += cursor.ReadByte() * frame.CodeAlignment;
                    if (location > pc)
                        return true;
                    break;
                case 0x03: // DW_CFA_advance_loc2
                    location += cursor.ReadUInt16() * frame.CodeAlignment;
                    if (location > pc)
                        return true;
                    break;
                case 0x04: // DW_CFA_advance_loc4
                    location += cursor.ReadUInt32() * frame.CodeAlignment;
                    if (location > pc)
                        return true;
                    break;
                case 0x05: // DW_CFA_offset_extended
                {
                    ulong register = cursor.ReadUleb128();
                    rules.Save(register, (long)cursor.ReadUleb128() * frame.DataAlignment);
                    break;
                }
                case 0x06: // DW_CFA_restore_extended
                    rules.Restore(cursor.ReadUleb128(), in initial);
                    break;
                case 0x07: // DW_CFA_undefined
                case 0x08: // DW_CFA_same_value
                    rules.Forget(cursor.ReadUleb128());
                    break;
                case 0x0A: // DW_CFA_remember_state
                    remembered = rules;
                    break;
                case 0x0B: // DW_CFA_restore_state
                    rules = remembered;
                    break;
                case 0x0C: // DW_CFA_def_cfa
                    rules.CfaRegister = (int)cursor.ReadUleb128();
                    rules.CfaOffset = (long)cursor.ReadUleb128();
                    break;
                case 0x0D: // DW_CFA_def_cfa_register
                    rules.CfaRegister = (int)cursor.ReadUleb128();
                    break;
                case 0x0E: // DW_CFA_def_cfa_offset
                    rules.CfaOffset = (long)cursor.ReadUleb128();
                    break;
                case 0x11: // DW_CFA_offset_extended_sf
                {
                    ulong register = cursor.ReadUleb128();
                    rules.Save(register, cursor.ReadSleb128() * frame.DataAlignment);
                    break;
                }
                case 0x12: // DW_CFA_def_cfa_sf
                    rules.CfaRegister = (int)cursor.ReadUleb128();
                    rules.CfaOffset = cursor.ReadSleb128() * frame.DataAlignment;
                    break;
                case 0x13: // DW_CFA_def_cfa_offset_sf
                    rules.CfaOffset = cursor.ReadSleb128() * frame.DataAlignment;
                    break;
                case 0x2E: // DW_CFA_GNU_args_size
                    cursor.ReadUleb128();
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private void Save(ulong register, long offset)
    {
        if (register >= RegisterCount)
            return;
        _saved[register] = true;
        _savedAt[register] = offset;
    }

    private void Forget(ulong register)
    {
        if (register < RegisterCount)
            _saved[register] = false;
    }

    private void Restore(ulong register, in CfaRules initial)
    {
        if (register >= RegisterCount)
            return;
        _saved[register] = initial._saved[register];
        _savedAt[register] = initial._savedAt[register];
    }
}

namespace Internal.Runtime.Unwinding;

// One function's entry in .eh_frame (an FDE) with what its CIE contributes: the code it
// covers, the unwind rules as two instruction streams, and ILC's unwind block (the LSDA).
internal unsafe struct FrameDescription
{
    internal ulong CodeStart;
    internal ulong CodeEnd;
    internal byte* Lsda;
    internal byte* InitialInstructions;
    internal byte* InitialInstructionsEnd;
    internal byte* Instructions;
    internal byte* InstructionsEnd;
    internal ulong CodeAlignment;
    internal long DataAlignment;
    internal int ReturnAddressRegister;

    internal readonly bool Covers(ulong pc) => pc >= CodeStart && pc < CodeEnd;

    // Parses the FDE at fde; false for a CIE, a terminator or anything this reader does not know.
    internal static bool TryParse(byte* fde, out FrameDescription description)
    {
        description = default;
        DwarfCursor cursor = new DwarfCursor(fde);
        uint length = cursor.ReadUInt32();
        if (length == 0 || length == 0xFFFFFFFF)
            return false;
        byte* end = cursor.Position + length;
        byte* cieField = cursor.Position;
        uint cieOffset = cursor.ReadUInt32();
        if (cieOffset == 0)
            return false;
        if (!TryParseCie(cieField - cieOffset, ref description, out byte fdeEncoding, out byte lsdaEncoding, out bool hasAugmentationData))
            return false;
        description.CodeStart = cursor.ReadEncoded(fdeEncoding);
        // The range is a length: the same format as the start, never relative.
        description.CodeEnd = description.CodeStart + cursor.ReadEncoded((byte)(fdeEncoding & 0x0F));
        if (hasAugmentationData)
        {
            ulong augmentationLength = cursor.ReadUleb128();
            byte* instructions = cursor.Position + augmentationLength;
            if (lsdaEncoding != DwarfCursor.EncodingOmit)
                description.Lsda = (byte*)cursor.ReadEncoded(lsdaEncoding);
            cursor.Position = instructions;
        }
        description.Instructions = cursor.Position;
        description.InstructionsEnd = end;
        return true;
    }

    private static bool TryParseCie(byte* cie, ref FrameDescription description, out byte fdeEncoding, out byte lsdaEncoding, out bool hasAugmentationData)
    {
        fdeEncoding = 0;
        lsdaEncoding = DwarfCursor.EncodingOmit;
        hasAugmentationData = false;
        DwarfCursor cursor = new DwarfCursor(cie);
        uint length = cursor.ReadUInt32();
        if (length == 0 || length == 0xFFFFFFFF)
            return false;
        byte* end = cursor.Position + length;
        if (cursor.ReadUInt32() != 0)
            return false;
        byte version = cursor.ReadByte();
        byte* augmentation = cursor.Position;
        while (cursor.ReadByte() != 0)
        {
        }
        description.CodeAlignment = cursor.ReadUleb128();
        description.DataAlignment = cursor.ReadSleb128();
        description.ReturnAddressRegister = version == 1 ? cursor.ReadByte() : (int)cursor.ReadUleb128();
        if (*augmentation == (byte)'z')
        {
            hasAugmentationData = true;
            ulong augmentationLength = cursor.ReadUleb128();
            byte* instructions = cursor.Position + augmentationLength;
            for (byte* letter = augmentation + 1; *letter != 0; letter++)
            {
                switch ((char)*letter)
                {
                    case 'L':
                        lsdaEncoding = cursor.ReadByte();
                        break;
                    case 'R':
                        fdeEncoding = cursor.ReadByte();
                        break;
                    case 'P':
                        cursor.ReadEncoded(cursor.ReadByte());
                        break;
                    case 'S':
                        break;
                    default:
                        return false;
                }
            }
            cursor.Position = instructions;
        }
        else if (*augmentation != 0)
        {
            return false;
        }
        description.InitialInstructions = cursor.Position;
        description.InitialInstructionsEnd = end;
        return true;
    }
}

namespace Uk.Alloc.Tlsf;

// The 16-byte header at the start of every block; the caller's data follows it. Size is the
// whole block, header included, a multiple of 16, so the low bits carry the flags. PreviousPhysical
// is the boundary tag: kept up to date whenever the block before is free (the PreviousFree bit
// says so), which lets Free merge backwards without searching. Free blocks keep their list
// links in what would be the caller's first 16 bytes, so the smallest block is 32 bytes.
internal unsafe struct TlsfBlock
{
    public const nuint FreeBit = 1;
    public const nuint PreviousFreeBit = 2;
    public const nuint FlagMask = 15;

    public nuint SizeAndFlags;
    public TlsfBlock* PreviousPhysical;
    public TlsfBlock* NextFree;
    public TlsfBlock* PreviousFree;

    public nuint Size => SizeAndFlags & ~FlagMask;

    public bool IsFree => (SizeAndFlags & FreeBit) != 0;

    public bool IsPreviousFree => (SizeAndFlags & PreviousFreeBit) != 0;

    public void SetSize(nuint size) => SizeAndFlags = size | (SizeAndFlags & FlagMask);

    public static TlsfBlock* NextPhysical(TlsfBlock* block) => (TlsfBlock*)((byte*)block + block->Size);
}

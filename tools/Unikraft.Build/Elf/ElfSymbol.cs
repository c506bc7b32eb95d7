namespace Unikraft.Build.Elf;

/// <summary>One <c>.symtab</c> entry. <see cref="Binding"/> is <c>st_info &gt;&gt; 4</c>.</summary>
public sealed record ElfSymbol(string Name, byte Binding, byte Type, ushort SectionIndex, ulong Value, ulong Size)
{
    public const byte BindLocal = 0;
    public const byte BindGlobal = 1;
    public const byte BindWeak = 2;
    public const byte TypeFunction = 2; // STT_FUNC
    public const ushort SectionUndefined = 0;

    public bool IsDefined => SectionIndex != SectionUndefined;

    public bool IsGlobal => Binding == BindGlobal;

    public bool IsFunction => Type == TypeFunction;
}

namespace Unikraft.Build.Options;

public enum OptionType
{
    Int,
    Bool,
    String,
    Size,
    Enum,
}

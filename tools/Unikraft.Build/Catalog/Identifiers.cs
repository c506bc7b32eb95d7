namespace Unikraft.Build.Catalog;

/// <summary>Name rules. Library and option names end up in file names and C# identifiers,
/// so they are restricted up front rather than escaped later.</summary>
public static class Identifiers
{
    /// <summary>Lower-case letters, digits, '-', '_' and '.', starting with a letter or digit (e.g. "pc-x86_64").</summary>
    public static bool IsLibraryName(string name)
    {
        if (name.Length == 0 || !IsLowerOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsLowerOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Starts with a letter; letters, digits, '-' and '_' (converted to PascalCase for C#).</summary>
    public static bool IsOptionName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A dotted C# name such as "Uk.Drivers.Uart16550.Uart16550Options", with at least
    /// <paramref name="minimumParts"/> parts.</summary>
    public static bool IsQualifiedName(string name, int minimumParts)
    {
        var parts = name.Split('.');
        if (parts.Length < minimumParts)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || !(char.IsAsciiLetter(part[0]) || part[0] == '_'))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsLowerOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}

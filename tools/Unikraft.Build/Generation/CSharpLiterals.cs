using System.Globalization;
using System.Text;
using Unikraft.Build.Options;

namespace Unikraft.Build.Generation;

/// <summary>C# literal syntax for generated code. Non-ASCII characters are escaped so the
/// generated file is plain ASCII whatever the manifest contained.</summary>
public static class CSharpLiterals
{
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\0': builder.Append("\\0"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    public static string Option(OptionValue value) => value.Type switch
    {
        // Keep hex as written: a port or address reads better in the generated code that way.
        OptionType.Int => value.Display,
        OptionType.Size => value.Number.ToString(CultureInfo.InvariantCulture) + "L",
        OptionType.Bool => value.Boolean ? "true" : "false",
        _ => String(value.Text),
    };
}

using System.Collections.Generic;
using System.Text;

namespace Unikraft.Build.Options;

/// <summary>An option a library declares. <see cref="Values"/> is empty unless the type is enum.</summary>
public sealed record OptionDefinition(
    string Name,
    OptionType Type,
    IReadOnlyList<string> Values,
    OptionValue Default,
    string Description,
    int Line)
{
    /// <summary>The static property on the library's options class: "baud-rate" → "BaudRate".</summary>
    public string PropertyName
    {
        get
        {
            var builder = new StringBuilder(Name.Length);
            var upper = true;
            foreach (var c in Name)
            {
                if (c == '-' || c == '_')
                {
                    upper = true;
                    continue;
                }

                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return builder.ToString();
        }
    }
}

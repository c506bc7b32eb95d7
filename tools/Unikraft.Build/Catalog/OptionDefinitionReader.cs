using System;
using System.Collections.Generic;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Options;
using Unikraft.Build.Yaml;

namespace Unikraft.Build.Catalog;

/// <summary>Reads the <c>options:</c> block of a library.yaml. Defaults go through the same
/// parser as manifest values, so a default is always something a user could have written.</summary>
public static class OptionDefinitionReader
{
    private static readonly string[] OptionKeys = { "type", "default", "description", "values" };

    private static readonly string[] OptionTypes = { "int", "bool", "string", "size", "enum" };

    public static List<OptionDefinition> Read(YamlSchemaReader reader, string library, YamlNode? node)
    {
        var result = new List<OptionDefinition>();
        var mapping = node is null ? null : reader.ExpectMapping(node, "'options'");
        if (mapping is null)
        {
            return result;
        }

        var properties = new Dictionary<string, string>();
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Key.Value;
            var option = ReadOption(reader, library, name, entry);
            if (!Identifiers.IsOptionName(name))
            {
                reader.Error(entry.Key.Line, $"invalid option name '{name}'; start with a letter and use letters, digits, '-' and '_'");
                continue;
            }

            if (option is null)
            {
                continue;
            }

            // "max-size" and "max_size" would both become MaxSize in the generated code.
            if (properties.TryGetValue(option.PropertyName, out var other))
            {
                reader.Error(entry.Key.Line, $"options '{other}' and '{name}' both map to the C# property '{option.PropertyName}'");
                continue;
            }

            properties.Add(option.PropertyName, name);
            result.Add(option);
        }

        return result;
    }

    private static OptionDefinition? ReadOption(YamlSchemaReader reader, string library, string name, YamlEntry entry)
    {
        var context = $"option '{name}'";
        var mapping = reader.ExpectMapping(entry.Value, context);
        if (mapping is null)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, OptionKeys, context);
        var typeNode = reader.Required(mapping, "type", context);
        var typeText = reader.ReadString(typeNode, $"type of {context}");
        var defaultNode = reader.Required(mapping, "default", context);
        var description = reader.ReadString(reader.Required(mapping, "description", context), $"description of {context}");
        var valuesNode = YamlSchemaReader.Optional(mapping, "values");
        OptionType? type = null;
        if (typeText is not null)
        {
            var index = Array.IndexOf(OptionTypes, typeText);
            if (index < 0)
            {
                reader.Error(typeNode!.Line, $"unknown option type '{typeText}'{NameHints.DidYouMean(typeText, OptionTypes)}; expected one of: {string.Join(", ", OptionTypes)}");
            }
            else
            {
                type = (OptionType)index;
            }
        }

        var values = new List<string>();
        if (type == OptionType.Enum)
        {
            if (valuesNode is null)
            {
                reader.Error(mapping.Line, $"enum {context} needs 'values'");
                return null;
            }

            foreach (var value in reader.ReadNameList(valuesNode, $"values of {context}"))
            {
                if (values.Contains(value.Name))
                {
                    reader.Error(value.Line, $"value '{value.Name}' is listed twice in {context}");
                }
                else
                {
                    values.Add(value.Name);
                }
            }

            if (values.Count == 0)
            {
                reader.Error(valuesNode.Line, $"enum {context} needs at least one value");
                return null;
            }
        }
        else if (valuesNode is not null && type is not null)
        {
            reader.Error(mapping.Find("values")!.Key.Line, $"'values' is only allowed for enum options, but {context} is {typeText}");
        }

        if (type is null || defaultNode is null || description is null)
        {
            return null;
        }

        var defaultValue = OptionValueParser.Parse($"{library}.{name}", type.Value, values, defaultNode, out var error);
        if (defaultValue is null)
        {
            reader.Error(defaultNode.Line, "default of " + error);
            return null;
        }

        return new OptionDefinition(name, type.Value, values, defaultValue, description, entry.Key.Line);
    }
}

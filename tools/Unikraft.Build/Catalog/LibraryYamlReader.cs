using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Yaml;

namespace Unikraft.Build.Catalog;

/// <summary>Reads and validates one library.yaml on its own; checks that need the whole
/// catalog (API definitions, duplicate names) live in <see cref="CatalogLoader"/>.</summary>
public static class LibraryYamlReader
{
    private static readonly string[] TopLevelKeys =
    {
        "name", "description", "kind", "provides", "requires", "apis", "init", "options-class", "options", "nasm", "linker-script",
    };

    private static readonly string[] InitKeys = { "class", "call" };

    private static readonly string[] Kinds = { "library", "platform", "core" };

    private static readonly string[] InitClasses = { "early", "plat", "lib", "sys", "late" };

    /// <summary>Returns null only when the file cannot describe a library at all (syntax error,
    /// no usable name or kind); otherwise returns what was understood and reports the rest.</summary>
    public static LibraryDefinition? Read(string yamlPath, string directory, DiagnosticBag diagnostics)
    {
        var reader = new YamlSchemaReader(yamlPath, diagnostics);
        YamlNode document;
        try
        {
            document = YamlParser.Parse(File.ReadAllText(yamlPath));
        }
        catch (YamlException e)
        {
            reader.Error(e.Line, e.Message);
            return null;
        }

        var root = reader.ExpectMapping(document, "library.yaml");
        if (root is null)
        {
            return null;
        }

        const string context = "library.yaml";
        reader.RejectUnknownKeys(root, TopLevelKeys, context);
        var name = reader.ReadString(reader.Required(root, "name", context), "'name'");
        var description = reader.ReadString(reader.Required(root, "description", context), "'description'");
        var kind = ReadKind(reader, reader.Required(root, "kind", context));
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        if (name is not null)
        {
            var nameLine = root.Find("name")!.Value.Line;
            if (!Identifiers.IsLibraryName(name))
            {
                reader.Error(nameLine, $"invalid library name '{name}'; use lower-case letters, digits, '-' and '_'");
            }
            else if (name != folderName)
            {
                reader.Error(nameLine, $"library name '{name}' must equal its folder name '{folderName}'");
            }

            // A misnamed library is dropped so it cannot also collide with the library it was mistaken for.
            if (name != folderName)
            {
                name = null;
            }
            else if (!File.Exists(Path.Combine(directory, name + ".csproj")))
            {
                reader.Error(nameLine, $"library project '{name}.csproj' not found in {directory}");
            }
        }

        var projectPath = Path.Combine(directory, folderName + ".csproj");

        var options = OptionDefinitionReader.Read(reader, name ?? folderName, YamlSchemaReader.Optional(root, "options"));
        var optionsClassNode = YamlSchemaReader.Optional(root, "options-class");
        var optionsClass = reader.ReadString(optionsClassNode, "'options-class'");
        if (optionsClass is not null && !Identifiers.IsQualifiedName(optionsClass, 1))
        {
            reader.Error(optionsClassNode!.Line, $"'options-class' must be a C# type name such as 'Uk.Drivers.Foo.FooOptions', got '{optionsClass}'");
        }

        if (options.Count > 0 && optionsClassNode is null)
        {
            reader.Error(root.Find("options")!.Key.Line, "'options-class' is required when a library has options");
        }

        var (nasm, linkerScript) = ReadPlatformFiles(reader, root, kind, directory);
        if (name is null || kind is null || description is null)
        {
            return null;
        }

        return new LibraryDefinition
        {
            Name = name,
            Description = description,
            Kind = kind.Value,
            Provides = reader.ReadNameList(YamlSchemaReader.Optional(root, "provides"), "'provides'"),
            Requires = reader.ReadNameList(YamlSchemaReader.Optional(root, "requires"), "'requires'"),
            Apis = ReadApis(reader, name, YamlSchemaReader.Optional(root, "apis")),
            Init = ReadInit(reader, root.Find("init")),
            OptionsClass = optionsClass,
            Options = options,
            Nasm = nasm,
            LinkerScript = linkerScript,
            Directory = directory,
            ProjectPath = projectPath,
            YamlPath = yamlPath,
        };
    }

    private static LibraryKind? ReadKind(YamlSchemaReader reader, YamlNode? node)
    {
        var text = reader.ReadString(node, "'kind'");
        switch (text)
        {
            case null:
                return null;
            case "library":
                return LibraryKind.Library;
            case "platform":
                return LibraryKind.Platform;
            case "core":
                return LibraryKind.Core;
            default:
                reader.Error(node!.Line, $"unknown kind '{text}'{NameHints.DidYouMean(text, Kinds)}; expected one of: {string.Join(", ", Kinds)}");
                return null;
        }
    }

    private static List<ApiDefinition> ReadApis(YamlSchemaReader reader, string library, YamlNode? node)
    {
        var result = new List<ApiDefinition>();
        var mapping = node is null ? null : reader.ExpectMapping(node, "'apis'");
        if (mapping is null)
        {
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            var value = reader.ReadString(entry.Value, $"cardinality of API '{entry.Key.Value}'");
            if (!Identifiers.IsLibraryName(entry.Key.Value))
            {
                reader.Error(entry.Key.Line, $"invalid API name '{entry.Key.Value}'; use lower-case letters, digits, '-' and '_'");
            }

            if (value == "one" || value == "many")
            {
                var cardinality = value == "one" ? ApiCardinality.One : ApiCardinality.Many;
                result.Add(new ApiDefinition(entry.Key.Value, cardinality, library, entry.Key.Line));
            }
            else if (value is not null)
            {
                reader.Error(entry.Value.Line, $"cardinality of API '{entry.Key.Value}' must be 'one' or 'many', got '{value}'");
            }
        }

        return result;
    }

    private static InitCall? ReadInit(YamlSchemaReader reader, YamlEntry? entry)
    {
        var mapping = entry is null ? null : reader.ExpectMapping(entry.Value, "'init'");
        if (mapping is null)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, InitKeys, "'init'");
        var classNode = reader.Required(mapping, "class", "'init'");
        var classText = reader.ReadString(classNode, "'init.class'");
        var callNode = reader.Required(mapping, "call", "'init'");
        var call = reader.ReadString(callNode, "'init.call'");
        InitClass? initClass = null;
        if (classText is not null)
        {
            var index = Array.IndexOf(InitClasses, classText);
            if (index < 0)
            {
                reader.Error(classNode!.Line, $"unknown init class '{classText}'{NameHints.DidYouMean(classText, InitClasses)}; expected one of: {string.Join(", ", InitClasses)}");
            }
            else
            {
                initClass = (InitClass)index;
            }
        }

        if (call is not null && !Identifiers.IsQualifiedName(call, 2))
        {
            reader.Error(callNode!.Line, $"'init.call' must name a static method as Namespace.Type.Method, got '{call}'");
            call = null;
        }

        return initClass is null || call is null ? null : new InitCall(initClass.Value, call, entry!.Key.Line);
    }

    private static (List<string> Nasm, string? LinkerScript) ReadPlatformFiles(
        YamlSchemaReader reader, YamlMapping root, LibraryKind? kind, string directory)
    {
        var nasm = new List<string>();
        var nasmEntry = root.Find("nasm");
        var scriptEntry = root.Find("linker-script");
        if (kind is not null && kind != LibraryKind.Platform)
        {
            foreach (var entry in new[] { nasmEntry, scriptEntry })
            {
                if (entry is not null)
                {
                    reader.Error(entry.Key.Line, $"'{entry.Key.Value}' is only allowed for platform libraries");
                }
            }

            return (nasm, null);
        }

        if (kind is null)
        {
            return (nasm, null);
        }

        foreach (var file in reader.ReadNameList(reader.Required(root, "nasm", "a platform's library.yaml"), "'nasm'"))
        {
            var full = Path.GetFullPath(Path.Combine(directory, file.Name));
            if (!File.Exists(full))
            {
                reader.Error(file.Line, $"assembly file '{file.Name}' not found in {directory}");
            }

            nasm.Add(full);
        }

        var script = reader.ReadString(reader.Required(root, "linker-script", "a platform's library.yaml"), "'linker-script'");
        if (script is null)
        {
            return (nasm, null);
        }

        var scriptPath = Path.GetFullPath(Path.Combine(directory, script));
        if (!File.Exists(scriptPath))
        {
            reader.Error(scriptEntry!.Value.Line, $"linker script '{script}' not found in {directory}");
        }

        return (nasm, scriptPath);
    }
}

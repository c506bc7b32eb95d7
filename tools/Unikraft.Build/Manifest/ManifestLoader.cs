using System.Collections.Generic;
using System.IO;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Options;
using Unikraft.Build.Yaml;

namespace Unikraft.Build.Manifest;

public static class ManifestLoader
{
    private static readonly string[] TopLevelKeys = { "name", "platform", "libraries", "options", "memory", "cmdline", "env" };

    private const string Context = "the manifest";

    /// <summary>Reads a manifest. Returns null when it has errors; all of them are in
    /// <paramref name="diagnostics"/>.</summary>
    public static AppManifest? Load(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            diagnostics.Add(path, 1, $"cannot read manifest: {e.Message}");
            return null;
        }
        catch (System.UnauthorizedAccessException e)
        {
            diagnostics.Add(path, 1, $"cannot read manifest: {e.Message}");
            return null;
        }

        return Parse(path, text, diagnostics);
    }

    public static AppManifest? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        var reader = new YamlSchemaReader(path, diagnostics);
        YamlNode document;
        try
        {
            document = YamlParser.Parse(text);
        }
        catch (YamlException e)
        {
            reader.Error(e.Line, e.Message);
            return null;
        }

        var root = reader.ExpectMapping(document, "the manifest");
        if (root is null)
        {
            return null;
        }

        reader.RejectUnknownKeys(root, TopLevelKeys, Context);
        var nameNode = reader.Required(root, "name", Context);
        var name = reader.ReadString(nameNode, "'name'");
        if (name is not null && !Identifiers.IsLibraryName(name))
        {
            reader.Error(nameNode!.Line, $"invalid application name '{name}'; use lower-case letters, digits, '-' and '_'");
        }

        var platformNode = reader.Required(root, "platform", Context);
        var platform = reader.ReadString(platformNode, "'platform'");
        var librariesNode = reader.Required(root, "libraries", Context);
        var libraries = reader.ReadNameList(librariesNode, "'libraries'");
        var options = ReadOptions(reader, YamlSchemaReader.Optional(root, "options"));
        var memory = ReadMemory(reader, YamlSchemaReader.Optional(root, "memory"));
        var cmdline = ReadCmdline(reader, YamlSchemaReader.Optional(root, "cmdline"));
        var environment = ReadEnvironment(reader, YamlSchemaReader.Optional(root, "env"));
        // Shape errors elsewhere do not stop resolution: checking libraries and options too
        // lets one run report every mistake in the file.
        if (name is null || platform is null)
        {
            return null;
        }

        return new AppManifest
        {
            Path = path,
            Name = name,
            Platform = new NameReference(platform, platformNode!.Line),
            Libraries = libraries,
            Options = options,
            Memory = memory,
            Cmdline = cmdline,
            Environment = environment,
        };
    }

    private static List<ManifestOption> ReadOptions(YamlSchemaReader reader, YamlNode? node)
    {
        var result = new List<ManifestOption>();
        var mapping = node is null ? null : reader.ExpectMapping(node, "'options'");
        if (mapping is null)
        {
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            result.Add(new ManifestOption(entry.Key.Value, entry.Key.Line, entry.Value));
        }

        return result;
    }

    private static long ReadMemory(YamlSchemaReader reader, YamlNode? node)
    {
        if (node is null)
        {
            return AppManifest.DefaultMemory;
        }

        var text = reader.ReadString(node, "'memory'");
        if (text is null)
        {
            return AppManifest.DefaultMemory;
        }

        if (!OptionValueParser.TryParseSize(text, out var bytes) || bytes == 0)
        {
            reader.Error(node.Line, $"'memory' expects a non-zero size (bytes with optional K, M or G suffix), got '{text}'");
        }

        return bytes;
    }

    private static string ReadCmdline(YamlSchemaReader reader, YamlNode? node)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return "";
        }

        if (node is not YamlScalar scalar)
        {
            reader.Error(node.Line, $"'cmdline' must be a string, got {node.KindName}");
            return "";
        }

        int bytes = System.Text.Encoding.UTF8.GetByteCount(scalar.Value);
        if (bytes > MaxCmdlineBytes)
        {
            reader.Error(node.Line, $"'cmdline' is {bytes} bytes; a kernel command line holds at most {MaxCmdlineBytes} (QEMU's PVH loader overwrites its boot information with a longer one): pass fewer or shorter arguments");
        }

        return scalar.Value;
    }

    /// <summary>The longest kernel command line an image accepts, without its terminating zero:
    /// QEMU's PVH loader puts its boot information about 4 KiB after the command line.</summary>
    public const int MaxCmdlineBytes = 4095;

    // env: NAME: value. Names as POSIX shells accept them (letters, digits, '_', not starting
    // with a digit), so every program can read them; values are text ('' for none).
    private static List<EnvironmentVariable> ReadEnvironment(YamlSchemaReader reader, YamlNode? node)
    {
        var result = new List<EnvironmentVariable>();
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return result;
        }

        var mapping = reader.ExpectMapping(node, "'env'");
        if (mapping is null)
        {
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            string name = entry.Key.Value;
            if (!IsVariableName(name))
            {
                reader.Error(entry.Key.Line, $"invalid environment variable name '{name}'; use letters, digits and '_', not starting with a digit");
                continue;
            }

            if (entry.Value is not YamlScalar value)
            {
                reader.Error(entry.Value.Line, $"environment variable '{name}' must be a string, got {entry.Value.KindName}");
                continue;
            }

            if (value.Value.Contains('\0'))
            {
                reader.Error(value.Line, $"environment variable '{name}' must not contain a NUL character");
                continue;
            }

            result.Add(new EnvironmentVariable(name, value.IsNull ? "" : value.Value, entry.Key.Line));
        }

        return result;
    }

    private static bool IsVariableName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Unikraft.Build.BclCheck;

/// <summary>
/// Finds the <c>using</c> directives of an application on the minimal corlib that name a
/// namespace only .NET's own base class library has (System.Linq, System.Threading.Tasks, ...),
/// so the build can say what to do in the manifest's terms instead of CS0246/CS0234.
/// </summary>
public static partial class NamespaceUse
{
    public sealed record Finding(string File, int Line, string Namespace);

    /// <summary>Every namespace the assemblies define types in, with its parents.</summary>
    public static HashSet<string> NamespacesOf(IEnumerable<string> assemblyPaths)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in assemblyPaths)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
                continue;
            MetadataReader reader = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                string name = reader.GetString(reader.GetTypeDefinition(handle).Namespace);
                for (; name.Length > 0; name = name.Contains('.') ? name[..name.LastIndexOf('.')] : "")
                    namespaces.Add(name);
            }
            foreach (ExportedTypeHandle handle in reader.ExportedTypes)
            {
                string name = reader.GetString(reader.GetExportedType(handle).Namespace);
                for (; name.Length > 0; name = name.Contains('.') ? name[..name.LastIndexOf('.')] : "")
                    namespaces.Add(name);
            }
        }
        return namespaces;
    }

    /// <summary>The <c>using</c> directives (plain, global, not static or aliases) whose namespace
    /// the image's assemblies lack and the framework has.</summary>
    public static List<Finding> Find(IEnumerable<string> sourceFiles, IReadOnlySet<string> available, IReadOnlySet<string> framework)
    {
        var findings = new List<Finding>();
        foreach (string file in sourceFiles)
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                Match match = UsingDirective().Match(lines[i]);
                if (!match.Success)
                    continue;
                string name = match.Groups["name"].Value;
                if (!available.Contains(name) && framework.Contains(name))
                    findings.Add(new Finding(file, i + 1, name));
            }
        }
        return findings;
    }

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(?<name>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)\s*;")]
    private static partial Regex UsingDirective();
}

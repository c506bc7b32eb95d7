using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Unikraft.Build.IlcFailure;

/// <summary>
/// Where a method's source is, from the portable PDB beside its assembly: the document and
/// line of the method body's first sequence point.
/// </summary>
public static class MethodSources
{
    public sealed record SourceLine(string File, int Line);

    /// <summary>The first method named <paramref name="methodPath"/> (Namespace.Type.Method,
    /// nested types joined with '+', no generic arity) in the assembly, or null when the
    /// assembly, its PDB or the method is not found.</summary>
    public static SourceLine? Find(string assemblyPath, string methodPath)
    {
        string pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        if (!File.Exists(assemblyPath) || !File.Exists(pdbPath))
            return null;
        using var assemblyStream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(assemblyStream);
        MetadataReader metadata = pe.GetMetadataReader();
        using var pdbStream = File.OpenRead(pdbPath);
        using MetadataReaderProvider pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        MetadataReader pdb = pdbProvider.GetMetadataReader();
        foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
        {
            MethodDefinition method = metadata.GetMethodDefinition(handle);
            if (FullName(metadata, method) != methodPath)
                continue;
            MethodDebugInformation debug = pdb.GetMethodDebugInformation(handle);
            foreach (SequencePoint point in debug.GetSequencePoints())
            {
                if (point.IsHidden)
                    continue;
                string document = pdb.GetString(pdb.GetDocument(point.Document).Name);
                return new SourceLine(document, point.StartLine);
            }
        }
        return null;
    }

    private static string FullName(MetadataReader metadata, MethodDefinition method)
    {
        var names = new List<string>();
        TypeDefinition type = metadata.GetTypeDefinition(method.GetDeclaringType());
        while (true)
        {
            names.Add(WithoutArity(metadata.GetString(type.Name)));
            TypeDefinitionHandle outer = type.GetDeclaringType();
            if (outer.IsNil)
                break;
            type = metadata.GetTypeDefinition(outer);
        }
        names.Reverse();
        string space = metadata.GetString(type.Namespace);
        return (space.Length > 0 ? space + "." : "") + string.Join("+", names) + "." + metadata.GetString(method.Name);
    }

    private static string WithoutArity(string name) => name.Contains('`') ? name[..name.IndexOf('`')] : name;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Unikraft.Build.TypeNames;

/// <summary>A type definition as .NET names it, and for an enum its named values.</summary>
public sealed record TypeDefinitionInfo(string FullName, bool IsEnum, bool IsFlags, IReadOnlyList<EnumMember> Members);

/// <summary>One named constant of an enum, its value as the 64 bits of the underlying type
/// (sign-extended for signed types).</summary>
public sealed record EnumMember(string Name, long Value);

/// <summary>The type definitions of the image's assemblies, keyed by the name ILC gives them in
/// symbols: <c>&lt;assembly&gt;_&lt;namespace&gt;_&lt;type&gt;</c> with '.' and '`' as '_' and nested
/// types joined to their outer type with '_' ("corlib_System_Collections_Generic_List_1_Enumerator").</summary>
public sealed class TypeDefinitionCatalog
{
    private readonly Dictionary<string, TypeDefinitionInfo> _byMangledName = new(StringComparer.Ordinal);

    public static TypeDefinitionCatalog Empty { get; } = new();

    public int Count => _byMangledName.Count;

    public bool TryGet(string mangled, out TypeDefinitionInfo info) => _byMangledName.TryGetValue(mangled, out info!);

    public static TypeDefinitionCatalog Load(IEnumerable<string> assemblyPaths)
    {
        var catalog = new TypeDefinitionCatalog();
        foreach (var path in assemblyPaths)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            catalog.Add(pe.GetMetadataReader(), Path.GetFileNameWithoutExtension(path));
        }

        return catalog;
    }

    private void Add(MetadataReader reader, string assemblyName)
    {
        var prefix = TypeNameDemangler.MangleAssembly(assemblyName) + "_";
        foreach (var handle in reader.TypeDefinitions)
        {
            var definition = reader.GetTypeDefinition(handle);
            var (mangled, fullName) = Names(reader, definition);
            if (mangled.Length == 0)
            {
                continue;
            }

            var isEnum = IsEnum(reader, definition);
            IReadOnlyList<EnumMember> members = isEnum ? EnumMembers(reader, definition) : Array.Empty<EnumMember>();
            var isFlags = isEnum && HasFlagsAttribute(reader, definition);
            _byMangledName[prefix + mangled] = new TypeDefinitionInfo(fullName, isEnum, isFlags, members);
        }
    }

    // ("Ns_Outer_Inner_1", "Ns.Outer+Inner`1"); empty for names ILC escapes ("<>c", "<Module>").
    private static (string Mangled, string FullName) Names(MetadataReader reader, TypeDefinition definition)
    {
        var name = reader.GetString(definition.Name);
        if (!IsPlainName(name))
        {
            return (string.Empty, string.Empty);
        }

        var declaring = definition.GetDeclaringType();
        if (!declaring.IsNil)
        {
            var (outerMangled, outerFull) = Names(reader, reader.GetTypeDefinition(declaring));
            return outerMangled.Length == 0
                ? (string.Empty, string.Empty)
                : (outerMangled + "_" + MangleName(name), outerFull + "+" + name);
        }

        var space = reader.GetString(definition.Namespace);
        return space.Length == 0
            ? (MangleName(name), name)
            : (space.Replace('.', '_') + "_" + MangleName(name), space + "." + name);
    }

    private static bool IsPlainName(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '`'))
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static string MangleName(string name) => name.Replace('`', '_');

    private static bool IsEnum(MetadataReader reader, TypeDefinition definition)
    {
        var baseType = definition.BaseType;
        if (baseType.IsNil)
        {
            return false;
        }

        if (baseType.Kind == HandleKind.TypeReference)
        {
            var reference = reader.GetTypeReference((TypeReferenceHandle)baseType);
            return reader.GetString(reference.Namespace) == "System" && reader.GetString(reference.Name) == "Enum";
        }

        if (baseType.Kind == HandleKind.TypeDefinition)
        {
            var local = reader.GetTypeDefinition((TypeDefinitionHandle)baseType);
            return reader.GetString(local.Namespace) == "System" && reader.GetString(local.Name) == "Enum";
        }

        return false;
    }

    private static List<EnumMember> EnumMembers(MetadataReader reader, TypeDefinition definition)
    {
        var members = new List<EnumMember>();
        foreach (var handle in definition.GetFields())
        {
            var field = reader.GetFieldDefinition(handle);
            if ((field.Attributes & FieldAttributes.Literal) == 0)
            {
                continue;
            }

            var constant = reader.GetConstant(field.GetDefaultValue());
            var blob = reader.GetBlobReader(constant.Value);
            long? value = constant.TypeCode switch
            {
                ConstantTypeCode.SByte => blob.ReadSByte(),
                ConstantTypeCode.Byte => blob.ReadByte(),
                ConstantTypeCode.Int16 => blob.ReadInt16(),
                ConstantTypeCode.UInt16 => blob.ReadUInt16(),
                ConstantTypeCode.Int32 => blob.ReadInt32(),
                ConstantTypeCode.UInt32 => blob.ReadUInt32(),
                ConstantTypeCode.Int64 => blob.ReadInt64(),
                ConstantTypeCode.UInt64 => (long)blob.ReadUInt64(),
                ConstantTypeCode.Char => blob.ReadChar(),
                ConstantTypeCode.Boolean => blob.ReadBoolean() ? 1 : 0,
                _ => null,
            };
            if (value is not null)
            {
                members.Add(new EnumMember(reader.GetString(field.Name), value.Value));
            }
        }

        return members;
    }

    private static bool HasFlagsAttribute(MetadataReader reader, TypeDefinition definition)
    {
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind == HandleKind.TypeReference)
            {
                var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
                if (reader.GetString(type.Namespace) == "System" && reader.GetString(type.Name) == "FlagsAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }
}

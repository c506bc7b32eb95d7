using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Unikraft.Build.Catalog;
using Unikraft.Build.Generation;

namespace Unikraft.Build.Cli;

/// <summary>The catalog as JSON, for editors and scripts.</summary>
public static class CatalogJsonFormatter
{
    public static string Format(LibraryCatalog catalog)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("libraries");
            foreach (var library in catalog.Libraries)
            {
                WriteLibrary(json, library);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteLibrary(Utf8JsonWriter json, LibraryDefinition library)
    {
        json.WriteStartObject();
        json.WriteString("name", library.Name);
        json.WriteString("kind", library.Kind.ToString().ToLowerInvariant());
        json.WriteString("description", library.Description);
        WriteNames(json, "provides", library.Provides);
        WriteNames(json, "requires", library.Requires);
        json.WriteStartObject("apis");
        foreach (var api in library.Apis)
        {
            json.WriteString(api.Name, api.Cardinality.ToString().ToLowerInvariant());
        }

        json.WriteEndObject();
        if (library.Init is { } init)
        {
            json.WriteStartObject("init");
            json.WriteString("class", init.Class.ToString().ToLowerInvariant());
            json.WriteString("call", init.Method);
            json.WriteEndObject();
        }

        json.WriteStartArray("options");
        foreach (var option in library.Options)
        {
            json.WriteStartObject();
            json.WriteString("name", option.Name);
            json.WriteString("type", option.Type.ToString().ToLowerInvariant());
            ImageJsonGenerator.WriteValue(json, "default", option.Default);
            if (option.Values.Count > 0)
            {
                json.WriteStartArray("values");
                foreach (var value in option.Values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteString("description", option.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter json, string property, IReadOnlyList<NameReference> names)
    {
        json.WriteStartArray(property);
        foreach (var name in names)
        {
            json.WriteStringValue(name.Name);
        }

        json.WriteEndArray();
    }
}

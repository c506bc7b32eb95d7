using System.IO;
using System.Text;
using System.Text.Json;
using Unikraft.Build.Options;
using Unikraft.Build.Resolution;

namespace Unikraft.Build.Generation;

/// <summary>image.json: the resolved image for tools that run after the build (run, bench).</summary>
public static class ImageJsonGenerator
{
    public static string Generate(ResolvedImage image)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", image.Manifest.Name);
            json.WriteString("platform", image.Platform.Name);
            json.WriteNumber("memory", image.Manifest.Memory);
            json.WriteString("cmdline", image.Manifest.Cmdline);
            json.WriteStartArray("libraries");
            foreach (var library in image.Libraries)
            {
                json.WriteStringValue(library.Name);
            }

            json.WriteEndArray();
            json.WriteStartObject("options");
            foreach (var option in image.Options)
            {
                WriteValue(json, option.QualifiedName, option.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    internal static void WriteValue(Utf8JsonWriter json, string name, OptionValue value)
    {
        switch (value.Type)
        {
            case OptionType.Int:
            case OptionType.Size:
                json.WriteNumber(name, value.Number);
                break;
            case OptionType.Bool:
                json.WriteBoolean(name, value.Boolean);
                break;
            default:
                json.WriteString(name, value.Text);
                break;
        }
    }
}

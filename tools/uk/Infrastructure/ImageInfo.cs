using System.Text.Json;

namespace Unikraft.Cli.Infrastructure;

// obj/<Config>/uk/image.json, written by the resolver.
public sealed class ImageInfo
{
    public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public string Name { get; set; } = "";
    public string Platform { get; set; } = "";
    public long Memory { get; set; }
    public string Cmdline { get; set; } = "";
    public List<string> Libraries { get; set; } = [];
    public Dictionary<string, JsonElement> Options { get; set; } = [];

    public long MemoryMiB => Math.Max(2, (Memory + (1 << 20) - 1) >> 20);
}

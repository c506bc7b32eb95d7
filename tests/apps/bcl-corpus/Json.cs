using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using static Corpus.Report;

namespace Corpus;

// System.Text.Json: source-generated serialization (what NativeAOT supports), the DOM
// (JsonDocument, JsonNode) and the Utf8JsonWriter/Reader.
internal static class Json
{
    public static void Run()
    {
        var order = new JsonOrder
        {
            Id = 7,
            Customer = "Ann \"the\" <Buyer>",
            Placed = new DateTime(2024, 3, 9, 14, 5, 7, DateTimeKind.Utc),
            Lines = [new JsonLine("apple", 3, 0.5m), new JsonLine("pear", 1, 1.25m)],
            Status = OrderStatus.Shipped,
            Tags = new Dictionary<string, string> { ["gift"] = "yes" },
            Note = null,
        };
        string compact = JsonSerializer.Serialize(order, CorpusJsonContext.Default.JsonOrder);
        Check("json serialize", compact);
        JsonOrder back = JsonSerializer.Deserialize(compact, CorpusJsonContext.Default.JsonOrder)!;
        Check("json roundtrip", $"{back.Id} {back.Customer} {back.Placed:o} {back.Lines.Count} {back.Lines[1]} {back.Status} {back.Tags["gift"]} {back.Note ?? "null"} {back.Total}");
        Check("json indented", JsonSerializer.Serialize(new JsonLine("fig", 2, 3m), IndentedJsonContext.Default.JsonLine).Replace("\n", "\\n"));
        Check("json camelcase/ignore", JsonSerializer.Serialize(new Profile { DisplayName = "Bo", Secret = "s", Age = 0 }, CorpusJsonContext.Default.Profile));
        Check("json deserialize options", JsonSerializer.Deserialize("""{"displayName":"Cy","age":"41","extra":1}""", CorpusJsonContext.Default.Profile) is { } p ? $"{p.DisplayName} {p.Age} {p.Secret ?? "null"}" : "null");
        Check("json collections", JsonSerializer.Serialize(new[] { 1, 2, 3 }, CorpusJsonContext.Default.Int32Array) + " " + JsonSerializer.Serialize(new List<string?> { "a", null }, CorpusJsonContext.Default.ListString) + " " + JsonSerializer.Serialize(new Dictionary<string, double> { ["pi"] = 3.14159, ["e"] = 2.5e-10 }, CorpusJsonContext.Default.DictionaryStringDouble));
        Check("json primitives", $"{JsonSerializer.Serialize(double.MaxValue, CorpusJsonContext.Default.Double)} {JsonSerializer.Serialize(0.1f, CorpusJsonContext.Default.Single)} {JsonSerializer.Serialize(1.50m, CorpusJsonContext.Default.Decimal)} {JsonSerializer.Serialize("tab\t€ \u0001", CorpusJsonContext.Default.String)} {JsonSerializer.Serialize(new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), CorpusJsonContext.Default.Guid)}");
        Check("json errors", Throws(() => JsonSerializer.Deserialize("{\"id\": \"x\"}", CorpusJsonContext.Default.JsonOrder)).Split('.')[0] + " | " + Throws(() => JsonSerializer.Deserialize("[1,2", CorpusJsonContext.Default.Int32Array)).Split(' ')[0]);
        Check("json polymorphic", JsonSerializer.Serialize(new List<Pet> { new Cat("Tom", true), new Parrot("Polly", 12) }, CorpusJsonContext.Default.ListPet) + " " + JsonSerializer.Deserialize("""[{"kind":"parrot","words":3,"name":"P"}]""", CorpusJsonContext.Default.ListPet)![0]);
        Check("json record ctor", JsonSerializer.Deserialize("""{"product":"kiwi","quantity":4,"price":0.2}""", CorpusJsonContext.Default.JsonLine));

        using JsonDocument document = JsonDocument.Parse("""{"name":"unikernel","size":1.5e3,"tags":["a","b"],"nested":{"ok":true,"none":null}}""");
        JsonElement root = document.RootElement;
        Check("jsondocument", $"{root.GetProperty("name").GetString()} {root.GetProperty("size").GetDouble()} {root.GetProperty("tags").GetArrayLength()} {root.GetProperty("tags")[1]} {root.GetProperty("nested").GetProperty("ok").GetBoolean()} {root.GetProperty("nested").GetProperty("none").ValueKind} {root.TryGetProperty("missing", out _)}");
        Check("jsondocument enumerate", Join(root.EnumerateObject().Select(property => property.Name + ":" + property.Value.ValueKind)));
        Check("jsondocument invalid", Throws(() => JsonDocument.Parse("{\"a\":}")).Split(' ')[0]);

        JsonNode node = JsonNode.Parse("""{"items":[1,2,3],"meta":{"count":3}}""")!;
        node["items"]!.AsArray().Add((JsonNode)4);
        node["meta"]!["count"] = 4;
        node["added"] = new JsonObject { ["flag"] = false, ["list"] = new JsonArray("x", 1.5) };
        Check("jsonnode", node.ToJsonString());
        Check("jsonnode values", $"{node["items"]![2]!.GetValue<int>()} {(int)node["meta"]!["count"]!} {node["added"]!["list"]![1]} {node["nope"] is null} {node.AsObject().Count}");

        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("text", "é <b>");
            writer.WriteNumber("int", long.MinValue);
            writer.WriteNumber("double", 1.0 / 3);
            writer.WriteStartArray("array");
            writer.WriteBooleanValue(true);
            writer.WriteNullValue();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        Check("utf8jsonwriter", Encoding.UTF8.GetString(stream.ToArray()));
        var reader = new Utf8JsonReader("""{"a":[1,{"b":"c"}],"d":-2.5}"""u8);
        var tokens = new List<string>();
        while (reader.Read())
            tokens.Add(reader.TokenType switch { JsonTokenType.PropertyName or JsonTokenType.String => reader.GetString()!, JsonTokenType.Number => reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture), _ => reader.TokenType.ToString()[..3] });
        Check("utf8jsonreader", Join(tokens));
        Check("json escaping default", JsonSerializer.Serialize("<script>&'\"", CorpusJsonContext.Default.String));
    }
}

internal sealed class JsonOrder
{
    public int Id { get; set; }

    public string Customer { get; set; } = "";

    public DateTime Placed { get; set; }

    public List<JsonLine> Lines { get; set; } = [];

    public OrderStatus Status { get; set; }

    public Dictionary<string, string> Tags { get; set; } = [];

    public string? Note { get; set; }

    [JsonIgnore]
    public decimal Total => Lines.Sum(line => line.Quantity * line.Price);
}

internal sealed record JsonLine(string Product, int Quantity, decimal Price);

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
internal enum OrderStatus
{
    New,
    Shipped,
}

internal sealed class Profile
{
    public string DisplayName { get; set; } = "";

    [JsonIgnore]
    public string? Secret { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int Age { get; set; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Cat), "cat")]
[JsonDerivedType(typeof(Parrot), "parrot")]
internal abstract record Pet(string Name);

internal sealed record Cat(string Name, bool Indoor) : Pet(Name);

internal sealed record Parrot(string Name, int Words) : Pet(Name);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonOrder))]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(List<Pet>))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(JsonLine))]
internal sealed partial class IndentedJsonContext : JsonSerializerContext;

using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// The ASP.NET Core minimal API as `dotnet new webapiaot` writes it: the slim builder (what
// NativeAOT supports), endpoints compiled by the request delegate generator, JSON through a
// source-generated context; appsettings.json sets the log levels, and wwwroot/ is served as
// static files.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

var app = builder.Build();

var todos = new ConcurrentDictionary<int, Todo>();
todos[1] = new Todo(1, "Boot a unikernel", true);
todos[2] = new Todo(2, "Serve ASP.NET Core from it", false);

app.UseDefaultFiles();
app.UseStaticFiles();

app.MapGet("/hello", () => "Hello from ASP.NET Core on a unikernel");
app.MapGet("/todos", () => todos.Values.OrderBy(todo => todo.Id).ToArray());
app.MapGet("/todos/{id}", (int id) => todos.TryGetValue(id, out Todo? todo) ? Results.Ok(todo) : Results.NotFound());
app.MapPost("/todos", (Todo todo) =>
    todos.TryAdd(todo.Id, todo) ? Results.Created("/todos/" + todo.Id, todo) : Results.Conflict());

app.Run();

public record Todo(int Id, string? Title, bool IsComplete);

[JsonSerializable(typeof(Todo))]
[JsonSerializable(typeof(Todo[]))]
internal partial class AppJsonContext : JsonSerializerContext;

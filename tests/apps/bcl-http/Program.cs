using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

// Ordinary HttpClient code, unmodified, against the test's HTTP server (args[0] is its base
// address: the host's loopback for host .NET, QEMU's gateway for the guest). Each line is
// compared with host .NET's output; nothing printed depends on the address.
var baseAddress = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080/");
using var client = new HttpClient { BaseAddress = baseAddress };

Section("get");
HttpResponseMessage hello = await client.GetAsync("hello");
Check("status", ((int)hello.StatusCode) + " " + hello.StatusCode);
Check("content type", hello.Content.Headers.ContentType?.MediaType ?? "none");
Check("body", await hello.Content.ReadAsStringAsync());
Check("version", hello.Version.ToString());
Check("get string", await client.GetStringAsync("hello"));

Section("json");
using (JsonDocument document = JsonDocument.Parse(await client.GetStringAsync("json")))
{
    JsonElement root = document.RootElement;
    Check("name", root.GetProperty("name").GetString() ?? "null");
    Check("numbers", string.Join(",", root.GetProperty("numbers").EnumerateArray().Select(n => n.GetInt32())));
}

Section("post");
using (var content = new StringContent("posted body ✓", Encoding.UTF8, "text/plain"))
{
    HttpResponseMessage echoed = await client.PostAsync("echo", content);
    Check("echo status", ((int)echoed.StatusCode).ToString());
    Check("echo body", await echoed.Content.ReadAsStringAsync());
}
byte[] upload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 + 7)).ToArray();
using (var content = new ByteArrayContent(upload))
{
    HttpResponseMessage echoed = await client.PostAsync("echo", content);
    byte[] back = await echoed.Content.ReadAsByteArrayAsync();
    Check("large echo", back.Length + " " + back.AsSpan().SequenceEqual(upload));
}

Section("download");
using (HttpResponseMessage big = await client.GetAsync("bytes/1048576", HttpCompletionOption.ResponseHeadersRead))
{
    Stream stream = await big.Content.ReadAsStreamAsync();
    using var sha = SHA256.Create();
    byte[] hash = await sha.ComputeHashAsync(stream);
    Check("length header", big.Content.Headers.ContentLength?.ToString() ?? "none");
    Check("sha-256", Convert.ToHexString(hash));
}

Section("errors");
HttpResponseMessage missing = await client.GetAsync("missing");
Check("missing", ((int)missing.StatusCode) + " " + missing.IsSuccessStatusCode);
try
{
    await client.GetStringAsync("missing");
    Check("get string of 404", "no exception");
}
catch (HttpRequestException e)
{
    Check("get string of 404", e.GetType().Name + " " + (int?)e.StatusCode);
}
using (var impatient = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMilliseconds(300) })
{
    try
    {
        await impatient.GetStringAsync("slow");
        Check("timeout", "answered");
    }
    catch (TaskCanceledException e)
    {
        Check("timeout", e.GetType().Name + " " + (e.InnerException?.GetType().Name ?? "none"));
    }
}
using (var cancellation = new CancellationTokenSource(200))
{
    try
    {
        await client.GetAsync("slow", cancellation.Token);
        Check("cancelled", "answered");
    }
    catch (OperationCanceledException e)
    {
        Check("cancelled", e.GetType().Name + " " + cancellation.IsCancellationRequested);
    }
}
int closedPort;
using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
{
    probe.Start();
    closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
}
try
{
    using var refused = new HttpClient();
    await refused.GetAsync("http://127.0.0.1:" + closedPort + "/");
    Check("refused", "answered");
}
catch (HttpRequestException e)
{
    Check("refused", e.GetType().Name + " " + e.HttpRequestError + " " + (e.InnerException as System.Net.Sockets.SocketException)?.SocketErrorCode);
}

Section("concurrent");
string[] answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.GetStringAsync("hello?n=" + i)));
Check("answers", answers.Length + " " + answers.All(a => a == answers[0]));

Console.WriteLine("done");

static void Section(string name) => Console.WriteLine("== " + name);

static void Check(string label, string value) => Console.WriteLine(label + ": " + value);

using System.Net;

namespace Unikraft.Boot.Tests;

// An HTTP server on the host for client programs (bcl-http): the guest reaches it through
// QEMU's user network at 10.0.2.2, host .NET at 127.0.0.1. Answers by path: /hello (text),
// /json, /echo (the request body back), /bytes/N (N bytes of a fixed pattern), /slow (after
// 5 s) and 404 for anything else.
internal sealed class HostHttpServer : IDisposable
{
    private readonly HttpListener _listener = new HttpListener();
    private readonly Task _serving;

    public HostHttpServer()
    {
        Port = LocalPorts.PickFree();
        // Any host name: the guest's requests name 10.0.2.2.
        _listener.Prefixes.Add("http://+:" + Port + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string HostAddress => "http://127.0.0.1:" + Port + "/";

    public string GuestAddress => "http://10.0.2.2:" + Port + "/";

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        try
        {
            string path = context.Request.Url!.AbsolutePath;
            if (path == "/hello")
                await WriteAsync(response, "text/plain", "hello from the host"u8.ToArray());
            else if (path == "/json")
                await WriteAsync(response, "application/json", """{"name":"unikernel","numbers":[1,2,3]}"""u8.ToArray());
            else if (path == "/echo")
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                await WriteAsync(response, context.Request.ContentType ?? "application/octet-stream", body.ToArray());
            }
            else if (path.StartsWith("/bytes/") && int.TryParse(path.AsSpan(7), out int count) && count is >= 0 and <= 64 << 20)
                await WriteAsync(response, "application/octet-stream", Enumerable.Range(0, count).Select(i => (byte)(i % 251)).ToArray());
            else if (path == "/slow")
            {
                await Task.Delay(5000);
                await WriteAsync(response, "text/plain", "late"u8.ToArray());
            }
            else
            {
                response.StatusCode = 404;
                response.Close();
            }
        }
        catch (Exception)
        {
            // The client went away (a timeout or cancellation test): nothing to answer.
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }
}

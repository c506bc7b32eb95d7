namespace Unikraft.Boot.Tests;

// apps/httpserver's boot tests (HttpServerBootTests) on virtio-net.
public sealed class NetworkBootTests(HttpServerGuest guest) : HttpServerBootTests(guest), IClassFixture<HttpServerGuest>;

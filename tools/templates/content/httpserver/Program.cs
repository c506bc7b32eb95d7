using System;

// Template httpserver. The network libraries it needs (virtio-net, lwip, posix-socket) are
// not in the catalog yet, so this only says what the server will do.
Console.WriteLine("ukapp: HTTP server (template httpserver)");
Console.WriteLine("would: listen on TCP port 80, answer GET / with 200 \"Hello from ukapp\", 404 otherwise");
Console.WriteLine("not yet: needs libraries virtio-net lwip posix-socket (see unikernel.yaml)");
return 0;

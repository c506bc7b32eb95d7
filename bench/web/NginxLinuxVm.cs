using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Unikraft.Bench.Boot;
using Unikraft.Bench.Net;

namespace Unikraft.Bench.Web;

// nginx (Debian's package) in the same Linux microVM, serving what the API answers as static
// files: /todos with the JSON body apps/webapi gives for it, / with its index page. One
// worker, access log off, sendfile and keep-alive on: nginx as one would run it to serve
// files fast. Cached under <repo>/.bench/web.
public static class NginxLinuxVm
{
    public static string Prepare(string repoRoot, LinuxModules.Parts parts, byte[] todos, byte[] index)
    {
        string cache = Path.Combine(repoRoot, ".bench", "web");
        string[] modules = NetDevice.LinuxModules(NetDevice.Virtio);
        string nginx = Path.Combine(cache, "nginx");
        if (!File.Exists(nginx))
        {
            string deb = DebianPackage.Download("nginx", cache);
            string extracted = DebianPackage.ExtractFile(deb, new Regex(@"^usr/sbin/nginx$"), cache);
            File.Move(extracted, nginx, overwrite: true);
            File.Delete(deb);
        }
        const string config = """
            user root;
            worker_processes 1;
            pid /tmp/nginx.pid;
            error_log stderr;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                client_body_temp_path /tmp/body;
                proxy_temp_path /tmp/proxy;
                fastcgi_temp_path /tmp/fastcgi;
                uwsgi_temp_path /tmp/uwsgi;
                scgi_temp_path /tmp/scgi;
                types { text/html html; application/json json; }
                server {
                    listen 80;
                    root /www;
                    location = /todos { default_type "application/json; charset=utf-8"; }
                }
            }
            """;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["etc/nginx/nginx.conf"] = Encoding.ASCII.GetBytes(config),
            ["etc/passwd"] = Encoding.ASCII.GetBytes("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"),
            ["etc/group"] = Encoding.ASCII.GetBytes("root:x:0:\nnogroup:x:65534:\n"),
            ["www/todos"] = todos,
            ["www/index.html"] = index,
        };
        string initrd = Path.Combine(cache, "initramfs-nginx.cpio.gz");
        MicroVmInitramfs.Write(initrd, parts, Path.Combine(repoRoot, ".bench", "net", "linux"), modules, nginx, "usr/sbin/nginx", files,
            "exec /usr/sbin/nginx -e stderr -c /etc/nginx/nginx.conf -g 'daemon off;'",
            "webbench: eth0 10.0.2.15/24 gw 10.0.2.2 (static), nginx on :80");
        return initrd;
    }
}

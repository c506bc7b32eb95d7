using Spectre.Console.Cli;
using Unikraft.Cli.Commands;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli;

// The command tree. Errors the commands foresee are UkException: one short message, exit 1.
public static class UkApp
{
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("uk");
            config.PropagateExceptions();
            config.AddCommand<NewCommand>("new").WithDescription("create an application from a template (hello, httpserver, kvstore)")
                .WithExample("new", "demo").WithExample("new", "web", "--template", "httpserver", "--output", "/tmp/web");
            config.AddCommand<BuildCommand>("build").WithDescription("build an application's ELF and ISO images");
            config.AddCommand<RunCommand>("run").WithDescription("build, then boot in QEMU with the serial console here");
            config.AddCommand<LsCommand>("ls").WithDescription("list the library catalog with options");
            config.AddCommand<ImageCommand>("image").WithDescription("export a bootable image: iso, elf, raw disk, vmdk");
            config.AddCommand<ConfigCommand>("config").WithDescription("pick libraries and set options in unikernel.yaml");
            config.AddCommand<DebugCommand>("debug").WithDescription("boot halted under QEMU and attach gdb at Main");
        });
        try
        {
            return app.Run(args);
        }
        catch (UkException e)
        {
            Ui.Error(e.Message);
            return e.ExitCode;
        }
        catch (CommandParseException e)
        {
            Ui.Error(e.Message);
            return 2;
        }
        catch (CommandRuntimeException e)
        {
            Ui.Error(e.Message);
            return 2;
        }
    }
}

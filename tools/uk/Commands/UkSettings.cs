using System.ComponentModel;
using Spectre.Console.Cli;

namespace Unikraft.Cli.Commands;

// Options every command takes.
public class UkSettings : CommandSettings
{
    [CommandOption("-v|--verbose")]
    [Description("show the commands uk runs")]
    public bool Verbose { get; set; }
}

// Commands that work on an application: [app] is a folder with unikernel.yaml or a name under apps/.
public class AppSettings : UkSettings
{
    [CommandArgument(0, "[app]")]
    [Description("application folder or name under apps/ (default: the current folder)")]
    public string? App { get; set; }

    [CommandOption("-c|--configuration <CONFIG>")]
    [Description("Debug or Release")]
    [DefaultValue("Debug")]
    public string Configuration { get; set; } = "Debug";

    public override Spectre.Console.ValidationResult Validate() =>
        Configuration is "Debug" or "Release"
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"--configuration must be Debug or Release, not '{Configuration}'");
}

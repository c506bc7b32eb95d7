namespace Unikraft.Cli.Tests;

// uk config's scripted form edits unikernel.yaml in place, keeping comments; it checks against
// the catalog first and writes nothing when anything is wrong.
public sealed class ConfigCommandTests : IDisposable
{
    private const string Manifest = """
        # top comment stays
        name: cfg
        platform: pc-x86_64
        libraries:            # block list, comment stays
          - uart16550
          - vgacons
        options:
          core.loglevel: info   # trailing comment stays
        memory: 16M
        """;

    private readonly ScratchDirectory _scratch = ScratchDirectory.Outside();
    private string ManifestPath => _scratch.Combine("unikernel.yaml");

    public ConfigCommandTests() => File.WriteAllText(ManifestPath, Manifest + "\n");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Set_changes_and_adds_options_keeping_comments()
    {
        var result = Uk.Run(_scratch.Path, "config", "--set", "uart16550.port=0x2F8", "--set", "core.loglevel=debug");
        Assert.True(result.ExitCode == 0, result.ToString());
        string text = File.ReadAllText(ManifestPath);
        Assert.Contains("# top comment stays", text);
        Assert.Contains("libraries:            # block list, comment stays", text);
        Assert.Contains("  core.loglevel: debug   # trailing comment stays", text);
        Assert.Contains("  uart16550.port: 0x2F8\n", text);
    }

    [Fact]
    public void Remove_and_add_edit_the_block_list()
    {
        var removed = Uk.Run(_scratch.Path, "config", "--remove", "vgacons");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.DoesNotContain("vgacons", File.ReadAllText(ManifestPath));
        var added = Uk.Run(_scratch.Path, "config", "--add", "vgacons", "--set", "vgacons.color=0x1F");
        Assert.True(added.ExitCode == 0, added.ToString());
        string text = File.ReadAllText(ManifestPath);
        Assert.Contains("  - uart16550\n  - vgacons\n", text);
        Assert.Contains("vgacons.color: 0x1F", text);
    }

    [Theory]
    [InlineData("uart16550.port=com1", "option 'uart16550.port' expects int (decimal or 0x hex), got 'com1'")]
    [InlineData("core.loglevel=loud", "option 'core.loglevel' expects one of: debug, info, warn, error, got 'loud'")]
    [InlineData("uart16550.prot=1", "library 'uart16550' has no option 'prot' (did you mean 'port'?)")]
    [InlineData("uart1655.port=1", "unknown library 'uart1655' (did you mean 'uart16550'?)")]
    public void A_bad_setting_is_rejected_and_nothing_is_written(string assignment, string message)
    {
        var result = Uk.Run(_scratch.Path, "config", "--set", "core.loglevel=warn", "--set", assignment);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not changed", result.Error);
        Assert.Contains(message, result.Error);
        Assert.Equal(Manifest + "\n", File.ReadAllText(ManifestPath));
    }

    [Fact]
    public void An_unknown_library_to_add_is_rejected()
    {
        var result = Uk.Run(_scratch.Path, "config", "--add", "vgacon");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown library 'vgacon' (did you mean 'vgacons'?)", result.Error);
        Assert.Equal(Manifest + "\n", File.ReadAllText(ManifestPath));
    }

    [Fact]
    public void Without_a_terminal_and_changes_it_shows_the_configuration()
    {
        var result = Uk.Run(_scratch.Path, "config");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("libraries: uart16550 vgacons", result.Output);
        Assert.Matches(@"uart16550\.port\s*│\s*0x3F8 \(default\)", result.Output);
    }
}

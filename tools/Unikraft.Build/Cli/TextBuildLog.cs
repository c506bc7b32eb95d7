using System.IO;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Cli;

/// <summary>The command line's log: errors on standard error, messages on standard output.</summary>
public sealed class TextBuildLog(TextWriter stdout, TextWriter stderr) : IBuildLog
{
    public void Error(BuildError error) => stderr.WriteLine(error.ToString());

    public void Message(string text) => stdout.WriteLine(text);
}

namespace Uk.Core;

// An output device for kernel messages and the application's Console output.
public interface IConsole
{
    string Name { get; }

    void Write(System.ReadOnlySpan<char> text);
}

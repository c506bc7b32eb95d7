namespace Uk.Core;

// Splits the kernel command line as Unikraft does: "kernel parameters -- application
// arguments"; without "--" everything belongs to the application.
public static class CommandLine
{
    public static string[] Split(string text)
    {
        int count = 0;
        ForEachWord(text, null, ref count);
        string[] words = new string[count];
        count = 0;
        ForEachWord(text, words, ref count);
        return words;
    }

    public static void Partition(string[] words, out string[] kernelParameters, out string[] applicationArguments)
    {
        int separator = -1;
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] == "--")
            {
                separator = i;
                break;
            }
        }
        if (separator < 0)
        {
            kernelParameters = System.Array.Empty<string>();
            applicationArguments = words;
            return;
        }
        kernelParameters = new System.ReadOnlySpan<string>(words, 0, separator).ToArray();
        applicationArguments = new System.ReadOnlySpan<string>(words, separator + 1, words.Length - separator - 1).ToArray();
    }

    private static void ForEachWord(string text, string[]? words, ref int count)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ')
                i++;
            if (i == text.Length)
                break;
            int start = i;
            while (i < text.Length && text[i] != ' ')
                i++;
            if (words is not null)
                words[count] = text.Substring(start, i - start);
            count++;
        }
    }
}

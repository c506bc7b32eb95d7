using System.Collections.Generic;

namespace Uk.Core;

// The program's environment variables: the manifest's env map, then the kernel parameters
// env.NAME=value (before "--" on the kernel command line), which add a variable or replace
// the manifest's value for one boot. The dotnet library serves them to .NET's Environment.
// They are put together on first use: an image whose program never reads one (hello)
// carries none of this code, and its env.* parameters are not read, so not checked.
public static class ProcessEnvironment
{
    private const string ParameterPrefix = "env.";

    private static string[] s_kernelParameters = new string[0];
    private static string[]? s_variables;

    // NAME=value, in the manifest's order, then the kernel parameters' new names.
    public static string[] Variables => s_variables ??= Build(ImageInfo.Environment, s_kernelParameters);

    // The kernel parameters of this boot, kept for the first read.
    public static void SetKernelParameters(string[] kernelParameters) => s_kernelParameters = kernelParameters;

    private static string[] Build(string manifest, string[] kernelParameters)
    {
        List<string> variables = new List<string>();
        if (manifest.Length > 0)
        {
            string[] entries = manifest.Split('\0');
            for (int i = 0; i < entries.Length; i++)
                Set(variables, entries[i]);
        }
        for (int i = 0; i < kernelParameters.Length; i++)
        {
            string parameter = kernelParameters[i];
            if (!parameter.StartsWith(ParameterPrefix))
                continue;
            string entry = parameter.Substring(ParameterPrefix.Length);
            int equals = entry.IndexOf('=');
            if (equals <= 0 || !IsName(entry.Substring(0, equals)))
            {
                Log.Warn("env: ignored kernel parameter '" + parameter + "': expected env.NAME=value (letters, digits and '_' in NAME)");
                continue;
            }
            Set(variables, entry);
        }
        return variables.ToArray();
    }

    public static string? Get(string name)
    {
        string[] variables = Variables;
        for (int i = 0; i < variables.Length; i++)
        {
            string entry = variables[i];
            if (entry.Length > name.Length && entry[name.Length] == '=' && entry.StartsWith(name))
                return entry.Substring(name.Length + 1);
        }
        return null;
    }

    private static void Set(List<string> variables, string entry)
    {
        string prefix = entry.Substring(0, entry.IndexOf('=') + 1);
        for (int i = 0; i < variables.Count; i++)
        {
            if (variables[i].StartsWith(prefix))
            {
                variables[i] = entry;
                return;
            }
        }
        variables.Add(entry);
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0 || (name[0] >= '0' && name[0] <= '9'))
            return false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                return false;
        }
        return true;
    }
}

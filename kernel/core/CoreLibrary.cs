namespace Uk.Core;

public static class CoreLibrary
{
    // Applies the options the manifest chose, before anything else logs.
    public static void Initialize() => Log.Level = Log.ParseLevel(CoreOptions.Loglevel);
}

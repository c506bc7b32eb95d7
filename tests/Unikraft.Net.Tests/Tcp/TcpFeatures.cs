using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// The optional TCP extensions a test turns on: the property tests run every scenario with
// each combination that matters, so a feature that breaks delivery fails them.
[Flags]
public enum TcpFeatures
{
    None = 0,
    WindowScaling = 1,
    Timestamps = 2,
    Sack = 4,
    All = WindowScaling | Timestamps | Sack,
}

internal static class TcpFeatureOptions
{
    public static TcpOptions With(this TcpOptions options, TcpFeatures features)
    {
        options.WindowScaling = (features & TcpFeatures.WindowScaling) != 0;
        options.Timestamps = (features & TcpFeatures.Timestamps) != 0;
        options.SelectiveAcknowledgments = (features & TcpFeatures.Sack) != 0;
        return options;
    }
}

using System.CommandLine;
using KukaPortal.Ml.Runtime;

namespace KukaPortal.Cli.Commands;

/// <summary>The --device option of the verbs that run torch, and starting torch on the chosen device.</summary>
internal static class TorchOptions
{
    public static Option<TorchDeviceOption> Device() => new("--device")
    {
        Description = "Where torch runs: auto (a GPU when there is one), cpu or cuda.",
        DefaultValueFactory = _ => TorchDeviceOption.Auto,
    };

    /// <summary>Starts torch; a runtime that cannot load (or a missing GPU asked for by name) rejects the run with its reason.</summary>
    public static TorchInfo Start(TorchDeviceOption option)
    {
        var info = TorchRuntime.Initialize(option);
        if (!info.Available)
            throw CommandFailure.Rejected($"Torch is not available: {info.Error}");
        return info;
    }
}

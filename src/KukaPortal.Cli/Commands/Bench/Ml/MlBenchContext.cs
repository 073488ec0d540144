using System.Globalization;
using KukaPortal.Ml.Runtime;
using TorchSharp;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// What a reader of a torch benchmark needs besides the machine: the device the suite ran on, torch's thread pools,
/// the oneDNN instruction-set cap in force (ADR 0008), and the load average when the suite started and ended (2 cores
/// shared with other work).
/// </summary>
/// <param name="Device">cpu or cuda: where the models, batches and the peak's matmul ran.</param>
/// <param name="DeviceName">The CPU's model name, or the GPU as torch reports it.</param>
internal sealed record MlBenchContext(string LibTorch, string Device, string DeviceName, int Threads, int InteropThreads, string OneDnnIsa, string LoadBefore, string LoadAfter)
{
    /// <summary>
    /// Starts torch on <paramref name="device"/> (auto: a GPU when torch sees one) with <paramref name="threads"/>
    /// intra-op threads (0 = torch's default) and records the context; a GPU asked for by name and not there rejects the run.
    /// </summary>
    public static MlBenchContext Start(int threads, TorchDeviceOption device)
    {
        var info = TorchRuntime.Initialize(device, threads > 0 ? threads : null);
        if (!info.Available)
            throw CommandFailure.Rejected($"Torch is not available: {info.Error}");
        return new MlBenchContext(info.LibTorchVersion, info.DeviceType, info.DeviceName, torch.get_num_threads(), torch.get_num_interop_threads(), CurrentOneDnnIsa(),
            LoadAverage(), "");
    }

    /// <summary>The torch device the suite puts its models and tensors on.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public torch.Device TorchDevice => torch.device(Device);

    public MlBenchContext Finished() => this with { LoadAfter = LoadAverage() };

    /// <summary>
    /// .NET keeps its own copy of the environment, so it sees an operator's DNNL_MAX_CPU_ISA but not the cap that
    /// OneDnnIsaCap wrote into the native environment; no value means the cap applies.
    /// </summary>
    private static string CurrentOneDnnIsa() =>
        Environment.GetEnvironmentVariable(OneDnnIsaCap.Variable) is { Length: > 0 } chosen ? $"{chosen} (set by the operator)"
        : OperatingSystem.IsLinux() ? $"{OneDnnIsaCap.Cap} (ADR 0008 cap)"
        : "oneDNN default";

    /// <summary>The 1-, 5- and 15-minute load averages (Linux).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"libtorch {LibTorch}, {Device.ToUpperInvariant()} ({DeviceName}), {Threads} intra-op / {InteropThreads} inter-op torch threads, oneDNN ISA {OneDnnIsa}; load average (1/5/15 min) {LoadBefore} before, {LoadAfter} after");
}

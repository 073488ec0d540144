using TorchSharp;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Loads the native torch runtime once at start-up and picks the device. Never throws: a host without
/// a loadable libtorch must still start and report why on /health.
/// </summary>
public static class TorchRuntime
{
    public static TorchInfo Initialize(TorchDeviceOption option = TorchDeviceOption.Auto, int? threads = null)
    {
        var wanted = option == TorchDeviceOption.Cuda ? "cuda" : "cpu";
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e)
        {
            return TorchInfo.Unavailable(wanted, NativeLoadDiagnostics.Explain(e));
        }

        try
        {
            var useCuda = option != TorchDeviceOption.Cpu && torch.cuda.is_available();
            if (option == TorchDeviceOption.Cuda && !useCuda)
                return TorchInfo.Unavailable("cuda",
                    "CUDA was requested but torch sees no usable GPU (a TorchSharp-cpu build, or no driver/device).");

            if (useCuda)
            {
                // Ampere+ GPUs run float32 matmuls and convolutions far faster with TF32; the reduced
                // mantissa is irrelevant next to the noise in reconstruction-error scores.
                torch.backends.cuda.matmul.allow_tf32 = true;
                torch.backends.cudnn.allow_tf32 = true;
            }
            if (threads is > 0)
                torch.set_num_threads(threads.Value); // this thread's, and the default of every thread new to torch (ADR 0011)
            Nnpack.DisableWhereUnsupported();

            return new TorchInfo(
                Available: true,
                DeviceType: useCuda ? "cuda" : "cpu",
                DeviceName: useCuda ? $"cuda:0 (of {torch.cuda.device_count()} GPU(s))" : CpuName(),
                LibTorchVersion: torch.__version__,
                Threads: torch.get_num_threads(),
                Error: null);
        }
        catch (Exception e)
        {
            return TorchInfo.Unavailable(wanted, $"Torch loaded but could not be configured: {e.Message}");
        }
    }

    /// <summary>The device for an option, for callers that train or score right away; throws with the runtime's reason.</summary>
    public static torch.Device ResolveDevice(TorchDeviceOption option) => Initialize(option).ToDevice();

    /// <summary>
    /// Blocks until the kernels queued on a GPU have run (a CPU has run them when the call returned): for clocks around
    /// torch work, which on a GPU would otherwise time how fast the work was queued.
    /// </summary>
    public static void Synchronize(torch.Device device)
    {
        if (device.type == DeviceType.CUDA)
            torch.cuda.synchronize(device);
    }

    private static string CpuName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            var model = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
                return model[(model.IndexOf(':') + 1)..].Trim();
        }
        return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} CPU";
    }
}

using KukaPortal.Ml.Runtime;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Torch;

/// <summary>
/// Loads libtorch on the torch thread when the host starts. A failure to load is reported, not thrown:
/// the portal still serves its pages, history and alarms, and says clearly that models cannot run.
/// </summary>
public sealed class TorchStartup(TorchExecutor executor, TorchStatus status, IOptions<TorchOptions> options, ILogger<TorchStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var info = await executor.RunAsync(TorchPriority.Live, () => TorchRuntime.Initialize(settings.Device, settings.Threads > 0 ? settings.Threads : null));
        status.Set(info);
        if (info.Available)
            logger.LogInformation("Torch ready: device {Device} ({DeviceName}), libtorch {Version}, {Threads} threads",
                info.DeviceType, info.DeviceName, info.LibTorchVersion, info.Threads);
        else
            logger.LogError("Torch is not available; training and scoring are disabled: {Error}", info.Error);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

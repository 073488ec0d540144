using KukaPortal.Web.Torch;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KukaPortal.Web.Health;

/// <summary>Degraded (not unhealthy) without torch: pages, history and alarms still work.</summary>
public sealed class TorchHealthCheck(TorchStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var info = status.Info;
        var data = new Dictionary<string, object>
        {
            ["device"] = info.DeviceType,
            ["deviceName"] = info.DeviceName ?? "",
            ["libtorch"] = info.LibTorchVersion,
            ["threads"] = info.Threads,
        };
        return Task.FromResult(info.Available
            ? HealthCheckResult.Healthy($"Torch on {info.DeviceType}", data)
            : HealthCheckResult.Degraded($"Torch is not available: {info.Error}", data: data));
    }
}

using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Hosting;

public static class MonitoringExtensions
{
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<MonitoringNotifier>();
        builder.Services.AddSingleton<ScoreBatchPublisher>();
        return builder;
    }
}

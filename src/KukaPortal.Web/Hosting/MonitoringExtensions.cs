using KukaPortal.Web.Monitoring;
using StackExchange.Redis;

namespace KukaPortal.Web.Hosting;

public static class MonitoringExtensions
{
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section);
        var signalR = builder.Services.AddSignalR();
        // With several nodes, Redis carries hub messages between them: a dashboard on node B sees windows
        // scored on node A. Without it the portal is one node and nothing else changes.
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            var prefix = builder.Configuration.GetSection(PushOptions.Section).Get<PushOptions>()?.RedisChannelPrefix ?? new PushOptions().RedisChannelPrefix;
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
        }
        builder.Services.AddSingleton<WindowPushThrottle>();
        builder.Services.AddSingleton<MonitoringNotifier>();
        builder.Services.AddSingleton<AlarmCommands>();
        builder.Services.AddSingleton<AssetModeCommands>();
        builder.Services.AddSingleton<ScoreBatchPublisher>();
        builder.Services.AddSingleton<LiveWindowReader>();
        return builder;
    }
}

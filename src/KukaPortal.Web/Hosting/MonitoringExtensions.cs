using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace KukaPortal.Web.Hosting;

public static class MonitoringExtensions
{
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section);
        builder.Services.AddSignalR();
        // With several nodes, Redis carries hub messages between them: a dashboard on node B sees windows
        // scored on node A. Without it the portal is one node and nothing else changes.
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
            builder.AddRedisBackplane(redis);
        builder.Services.AddSingleton<WindowPushThrottle>();
        builder.Services.AddSingleton<MonitoringNotifier>();
        builder.Services.AddSingleton<AlarmCommands>();
        builder.Services.AddSingleton<AssetModeCommands>();
        builder.Services.AddSingleton<ScoreBatchPublisher>();
        builder.Services.AddSingleton<LiveWindowReader>();
        return builder;
    }

    /// <summary>
    /// The backplane for the monitoring hub only: Blazor's circuits live on one node anyway, so they keep the in-process
    /// manager and a Redis outage cannot break the pages. Redis being down (at start or later) must not stop a node:
    /// it starts without waiting for Redis, a push fails at once instead of waiting out a timeout, and this node's own
    /// dashboards are still served (<see cref="LocalFallbackHubLifetimeManager{THub}"/>).
    /// </summary>
    private static void AddRedisBackplane(this WebApplicationBuilder builder, string connectionString)
    {
        var prefix = builder.Configuration.GetSection(PushOptions.Section).Get<PushOptions>()?.RedisChannelPrefix ?? new PushOptions().RedisChannelPrefix;
        builder.Services.Configure<RedisOptions>(options =>
        {
            options.Configuration = ConfigurationOptions.Parse(connectionString);
            options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
            options.Configuration.AbortOnConnectFail = false;
            options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
        });
        builder.Services.AddSingleton<RedisHubLifetimeManager<MonitoringHub>>();
        builder.Services.AddSingleton<DefaultHubLifetimeManager<MonitoringHub>>();
        builder.Services.AddSingleton<HubLifetimeManager<MonitoringHub>, LocalFallbackHubLifetimeManager<MonitoringHub>>();
    }
}

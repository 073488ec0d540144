using KukaPortal.Data;
using KukaPortal.Web.Ingest;
using KukaPortal.Web.Streaming;

namespace KukaPortal.Web.Hosting;

public static class StreamingExtensions
{
    /// <summary>Continuous scoring: replays and live ingest, each asset's streams owned by one worker node at a time.</summary>
    public static WebApplicationBuilder AddStreaming(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StreamingOptions>().BindConfiguration(StreamingOptions.Section);
        builder.Services.AddSingleton<StreamRunStore>();
        builder.Services.AddSingleton<ReplayControl>();
        builder.Services.AddSingleton<AssetStreamPipelineFactory>();
        builder.Services.AddSingleton<StreamWakeups>();
        builder.Services.AddSingleton<RecentChunks>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<LiveIngestHeads>();
        builder.Services.AddSingleton<SampleIngest>();
        builder.Services.AddSingleton(_ => new StreamLocks(builder.Configuration.GetConnectionString(DependencyInjection.ConnectionName)!));

        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        if (portal.RunWorker)
            builder.Services.AddHostedService<StreamHost>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStreamingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReplayEndpoints();
        app.MapApiKeyEndpoints();
        app.MapSampleEndpoints();
        return app;
    }
}

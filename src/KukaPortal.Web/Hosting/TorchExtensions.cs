using KukaPortal.Web.Torch;

namespace KukaPortal.Web.Hosting;

public static class TorchExtensions
{
    public static WebApplicationBuilder AddTorch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TorchOptions>().BindConfiguration(TorchOptions.Section);
        builder.Services.AddSingleton<TorchExecutor>();
        builder.Services.AddSingleton<DetectorCache>(); // loaded models, shared by score jobs, live images and the views
        builder.Services.AddSingleton<TorchStatus>();
        builder.Services.AddSingleton<ScoringLanes>(); // score jobs' batches side by side on a CPU (ADR 0011)
        builder.Services.AddHostedService<TorchStartup>();
        return builder;
    }
}

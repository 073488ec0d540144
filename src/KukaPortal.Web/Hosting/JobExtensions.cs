using KukaPortal.Web.Jobs;

namespace KukaPortal.Web.Hosting;

public static class JobExtensions
{
    public static WebApplicationBuilder AddJobWorkers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section);
        builder.Services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section);
        builder.Services.AddSingleton<JobScheduler>();
        builder.Services.AddSingleton<IJobHandler, TrainJobHandler>();
        builder.Services.AddSingleton<IJobHandler, ScoreJobHandler>();

        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        if (portal.RunWorker)
            builder.Services.AddHostedService<JobWorker>();
        return builder;
    }
}

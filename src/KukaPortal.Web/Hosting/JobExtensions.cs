using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Training;

namespace KukaPortal.Web.Hosting;

public static class JobExtensions
{
    public static WebApplicationBuilder AddJobWorkers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section);
        builder.Services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section);
        builder.Services.AddSingleton<JobScheduler>();
        builder.Services.AddSingleton<TrainingPlanner>();
        builder.Services.AddSingleton<TrainingLossRecorder>();
        builder.Services.AddSingleton<TrainingReader>();
        builder.Services.AddSingleton<TrainingCheckpointStore>();
        builder.Services.AddSingleton<IJobHandler, TrainJobHandler>();
        builder.Services.AddSingleton<BatchScoringPipeline>();
        builder.Services.AddSingleton<IJobHandler, ScoreJobHandler>();

        if (PortalOptions.From(builder.Configuration).RunWorker)
        {
            // One worker per lane: a long training run never keeps a scoring job waiting in the queue.
            AddLane(builder.Services, "training", JobLanes.Training);
            AddLane(builder.Services, "scoring", JobLanes.Scoring);
        }
        return builder;
    }

    private static void AddLane(IServiceCollection services, string lane, IReadOnlyList<JobKind> kinds) =>
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<JobWorker>(sp, lane, kinds));
}

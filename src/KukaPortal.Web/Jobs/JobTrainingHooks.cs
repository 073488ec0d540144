using KukaPortal.Data.Entities;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Torch;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// How a training job (time series or images) takes part in its run: live and batch scoring run between training
/// steps; checkpoints land on whole progress reports about every <see cref="WorkerOptions.CheckpointEvery"/>
/// iterations; a retry of the job continues from the last checkpoint an earlier attempt left.
/// </summary>
public static class JobTrainingHooks
{
    public static TrainingHooks For(Job job, int progressInterval, TorchExecutor torch, TrainingCheckpointStore checkpoints, WorkerOptions worker)
    {
        var every = Math.Max(1, (int)Math.Ceiling((double)worker.CheckpointEvery / progressInterval)) * progressInterval;
        return new TrainingHooks
        {
            BetweenSteps = torch.RunWaitingHigherPriorityWork,
            CheckpointEvery = every,
            OnCheckpoint = checkpoint => checkpoints.Save(job.Id, checkpoint),
            ResumeFrom = checkpoints.Load(job.Id),
        };
    }
}

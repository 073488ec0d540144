using KukaPortal.Data.Entities;

namespace KukaPortal.Web.Jobs;

public interface IJobHandler
{
    JobKind Kind { get; }
    Task RunAsync(Job job, JobProgressReporter progress, CancellationToken ct);
}

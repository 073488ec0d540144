using System.Collections.Concurrent;
using KukaPortal.Web.Torch;

namespace KukaPortal.Web.Tests.Torch;

/// <summary>
/// The one torch thread's order of work when a score job has to wait (for a lane's batch, for room in the channel to
/// storage): live work runs in the wait, work of the job's priority or lower waits for the job.
/// </summary>
public sealed class TorchExecutorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_work_queued_while_a_score_job_waits_runs_in_the_wait_and_the_job_resumes_when_its_task_completes()
    {
        using var torch = new TorchExecutor();
        var batchReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new ConcurrentQueue<string>();
        var job = await StartJobWaitingForAsync(torch, batchReady.Task, () => order.Enqueue("job resumed"));

        // Completes only if the torch thread runs it while the job still waits.
        await torch.RunAsync(TorchPriority.Live, () => order.Enqueue("live window")).WaitAsync(Patience, Ct);
        job.IsCompleted.ShouldBeFalse();
        batchReady.SetResult();
        await job.WaitAsync(Patience, Ct);

        order.ShouldBe(["live window", "job resumed"]);
    }

    [Fact]
    public async Task Training_queued_while_a_score_job_waits_runs_only_after_the_job()
    {
        using var torch = new TorchExecutor();
        var batchReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new ConcurrentQueue<string>();
        var job = await StartJobWaitingForAsync(torch, batchReady.Task, () => order.Enqueue("job done"));

        var training = torch.RunAsync(TorchPriority.Training, () => order.Enqueue("training step"));
        var live = torch.RunAsync(TorchPriority.Live, () => order.Enqueue("live window"));
        await live.WaitAsync(Patience, Ct);
        training.IsCompleted.ShouldBeFalse();
        batchReady.SetResult();
        await Task.WhenAll(job, training).WaitAsync(Patience, Ct);

        order.ShouldBe(["live window", "job done", "training step"]);
    }

    [Fact]
    public async Task The_waited_tasks_exception_reaches_the_job_unwrapped()
    {
        using var torch = new TorchExecutor();
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = torch.RunAsync(TorchPriority.BatchScoring, () => torch.WaitRunningHigherPriorityWork(stored.Task));

        stored.SetException(new InvalidOperationException("storage refused the batch"));

        (await Should.ThrowAsync<InvalidOperationException>(job.WaitAsync(Patience, Ct))).Message.ShouldBe("storage refused the batch");
    }

    [Fact]
    public void Waiting_off_the_torch_thread_is_refused()
    {
        using var torch = new TorchExecutor();
        var never = new TaskCompletionSource();

        Should.Throw<InvalidOperationException>(() => torch.WaitRunningHigherPriorityWork(never.Task)).Message.ShouldContain("torch thread");
    }

    /// <summary>A score job on the torch thread that waits for <paramref name="task"/>, then runs <paramref name="then"/>; returned once it waits.</summary>
    private static async Task<Task> StartJobWaitingForAsync(TorchExecutor torch, Task task, Action then)
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = torch.RunAsync(TorchPriority.BatchScoring, () =>
        {
            waiting.SetResult();
            torch.WaitRunningHigherPriorityWork(task);
            then();
        });
        await waiting.Task.WaitAsync(Patience, Ct);
        return job;
    }
}

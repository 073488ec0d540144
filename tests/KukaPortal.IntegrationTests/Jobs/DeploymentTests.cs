using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Ml.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Jobs;

/// <summary>
/// Portal processes that restart or run side by side on one database: jobs survive a restart and
/// continue where they stopped, several workers share the queue, and scoring is never stuck behind training.
/// </summary>
public sealed class DeploymentTests : IAsyncDisposable
{
    private readonly PortalDeployment _deployment = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_training_interrupted_by_a_restart_continues_from_its_checkpoint_on_the_next_start()
    {
        var first = await StartNodeAsync(new() { ["Training:Iterations"] = "4000" });
        var (assetId, normalId) = await SeedAssetAsync(first);
        using (var session = await SignInAsync(first))
        {
            var job = await QueueJobAsync(session, assetId, "train", normalId);
            await WaitUntilAsync(HasCheckpoint, TimeSpan.FromMinutes(2));
            await StopAsync(first);

            var interrupted = await FindJobAsync(job.Id);
            interrupted.State.ShouldBe(JobState.Queued);
            interrupted.Attempts.ShouldBe(0);

            var second = await StartNodeAsync(new() { ["Training:Iterations"] = "4000" });
            using var watcher = await SignInAsync(second);
            var done = await WaitForJobAsync(watcher, job.Id, TimeSpan.FromMinutes(3));

            done.State.ShouldBe("Succeeded", done.Error);
            await ShouldHaveContinuedFromACheckpointAsync(assetId);
        }
    }

    [Fact]
    public async Task A_scoring_job_interrupted_by_a_restart_finishes_with_every_window_and_alarm_stored_once()
    {
        var settings = new Dictionary<string, string?> { ["Worker:ScoringBatchSize"] = "4" };
        var first = await StartNodeAsync(settings);
        var (assetId, normalId) = await SeedAssetAsync(first);
        Guid interruptedId;
        int scoringId;
        using (var session = await SignInAsync(first))
        {
            scoringId = await TrainAndUploadLongScoringAsync(session, assetId, normalId);
            interruptedId = (await QueueJobAsync(session, assetId, "score", scoringId)).Id;
            await WaitUntilAsync(async () => await _deployment.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == interruptedId)) > 0, TimeSpan.FromMinutes(1));
            await StopAsync(first);
        }
        var partial = await _deployment.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == interruptedId));
        partial.ShouldBeInRange(1, 2999, "the restart should have cut the scoring job short");

        var second = await StartNodeAsync(settings);
        using var watcher = await SignInAsync(second);
        (await WaitForJobAsync(watcher, interruptedId, TimeSpan.FromMinutes(3))).State.ShouldBe("Succeeded");
        var reference = await RunJobAsync(watcher, assetId, "score", scoringId, TimeSpan.FromMinutes(3));

        await ShouldMatchAnUninterruptedRunAsync(interruptedId, reference.Id);
        var sequences = await _deployment.WithDbAsync(db => db.WindowScores.Where(w => w.AssetId == assetId).Select(w => w.Sequence).ToListAsync());
        sequences.ShouldBeUnique();
    }

    [Fact]
    public async Task A_worker_process_killed_mid_training_leaves_a_checkpoint_that_the_next_worker_continues_from()
    {
        var settings = new Dictionary<string, string?> { ["Training:Iterations"] = "4000" };
        var web = await StartNodeAsync(new(settings) { ["Portal:Role"] = "Web" });
        var (assetId, normalId) = await SeedAssetAsync(web);
        using var session = await SignInAsync(web);
        JobView job;
        using (var doomed = PortalProcess.Start(web, WorkerProcessSettings(settings)))
        {
            job = await QueueJobAsync(session, assetId, "train", normalId);
            await WaitShowingLogAsync(doomed, () => WaitUntilAsync(
                HasCheckpoint, TimeSpan.FromMinutes(3), "a checkpoint"));
            doomed.Kill();
        }
        (await FindJobAsync(job.Id)).State.ShouldBe(JobState.Running, "a killed worker hands nothing back");

        using var survivor = PortalProcess.Start(web, WorkerProcessSettings(settings));
        var done = await WaitShowingLogAsync(survivor, () => WaitForJobAsync(session, job.Id, TimeSpan.FromMinutes(4)));

        done.State.ShouldBe("Succeeded", done.Error);
        done.Attempts.ShouldBe(2);
        await ShouldHaveContinuedFromACheckpointAsync(assetId);
    }

    [Fact]
    public async Task A_worker_process_killed_mid_scoring_leaves_its_job_to_the_next_worker_and_every_window_and_alarm_is_stored_once()
    {
        var settings = new Dictionary<string, string?> { ["Worker:ScoringBatchSize"] = "4" };
        var trainer = await StartNodeAsync(settings);
        var (assetId, normalId) = await SeedAssetAsync(trainer);
        int scoringId;
        using (var session = await SignInAsync(trainer))
        {
            scoringId = await TrainAndUploadLongScoringAsync(session, assetId, normalId);
        }
        await StopAsync(trainer);

        var web = await StartNodeAsync(new(settings) { ["Portal:Role"] = "Web" });
        using var watcher = await SignInAsync(web);
        Guid killedId;
        using (var doomed = PortalProcess.Start(web, WorkerProcessSettings(settings)))
        {
            killedId = (await QueueJobAsync(watcher, assetId, "score", scoringId)).Id;
            await WaitShowingLogAsync(doomed, () => WaitUntilAsync(
                async () => await _deployment.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == killedId)) > 0, TimeSpan.FromMinutes(2), "stored windows"));
            doomed.Kill();
        }
        var partial = await _deployment.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == killedId));
        partial.ShouldBeInRange(1, 2999, "the kill should have cut the scoring job short");
        (await FindJobAsync(killedId)).State.ShouldBe(JobState.Running, "a killed worker hands nothing back");

        using var survivor = PortalProcess.Start(web, WorkerProcessSettings(settings));
        var done = await WaitShowingLogAsync(survivor, () => WaitForJobAsync(watcher, killedId, TimeSpan.FromMinutes(3)));
        var reference = await WaitShowingLogAsync(survivor, () => RunJobAsync(watcher, assetId, "score", scoringId, TimeSpan.FromMinutes(3)));

        done.State.ShouldBe("Succeeded", done.Error);
        done.Attempts.ShouldBe(2);
        await ShouldMatchAnUninterruptedRunAsync(killedId, reference.Id);
    }

    [Fact]
    public async Task Two_worker_processes_share_fifty_jobs_and_run_each_exactly_once()
    {
        var trainer = await StartNodeAsync();
        var (assetId, normalId) = await SeedAssetAsync(trainer);
        int scoringId;
        using (var session = await SignInAsync(trainer))
        {
            (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).State.ShouldBe("Succeeded");
            scoringId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 160), "scoring", "short.csv");
        }
        await StopAsync(trainer);

        var a = await StartNodeAsync();
        var b = await StartNodeAsync();
        var store = a.Services.GetRequiredService<JobStore>();
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
            ids.Add((await store.EnqueueAsync(JobKind.Score, assetId, scoringId, "test", Ct)).Id);

        await WaitUntilAsync(async () => await _deployment.WithDbAsync(db => db.Jobs.CountAsync(j => ids.Contains(j.Id) && j.State == JobState.Succeeded)) == 50, TimeSpan.FromMinutes(3));

        var jobs = await _deployment.WithDbAsync(db => db.Jobs.Where(j => ids.Contains(j.Id)).ToListAsync());
        jobs.ShouldAllBe(j => j.Attempts == 1);
        var windows = await _deployment.WithDbAsync(db => db.WindowScores.Where(w => ids.Contains(w.RunId)).GroupBy(w => w.RunId).Select(g => g.Count()).ToListAsync());
        windows.Count.ShouldBe(50);
        windows.ShouldAllBe(count => count == 10);
    }

    [Fact]
    public async Task A_scoring_job_finishes_while_a_long_training_runs_and_the_training_can_then_be_cancelled()
    {
        var quick = await StartNodeAsync();
        var (assetId, normalId) = await SeedAssetAsync(quick);
        int scoringId;
        using (var session = await SignInAsync(quick))
        {
            (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).State.ShouldBe("Succeeded");
            scoringId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 1600), "scoring", "shift.csv");
        }
        await StopAsync(quick);

        var node = await StartNodeAsync(new() { ["Training:Iterations"] = "1000000" });
        using var engineer = await SignInAsync(node);
        var training = await QueueJobAsync(engineer, assetId, "train", normalId);
        await WaitForJobAsync(engineer, training.Id, TimeSpan.FromMinutes(1), "Running");
        await WaitUntilAsync(async () => (await WaitForJobAsync(engineer, training.Id, TimeSpan.FromSeconds(5), "Running")).Progress > 0, TimeSpan.FromMinutes(1));

        var scoring = await RunJobAsync(engineer, assetId, "score", scoringId, TimeSpan.FromMinutes(1));
        var trainingMeanwhile = await FindJobAsync(training.Id);
        var cancel = await engineer.Client.PostAsync($"/api/jobs/{training.Id}/cancel", null, Ct);
        var cancelled = await WaitForJobAsync(engineer, training.Id, TimeSpan.FromMinutes(1));

        scoring.State.ShouldBe("Succeeded", scoring.Error);
        trainingMeanwhile.State.ShouldBe(JobState.Running);
        ((int)cancel.StatusCode).ShouldBe(202);
        cancelled.State.ShouldBe("Cancelled");
        (await _deployment.WithDbAsync(db => db.Models.CountAsync(m => m.AssetId == assetId))).ShouldBe(1);
    }

    [Fact]
    public async Task A_job_that_keeps_failing_is_retried_with_back_off_and_then_fails_with_its_error()
    {
        var node = await StartNodeAsync();
        var (assetId, normalId) = await SeedAssetAsync(node);
        using var session = await SignInAsync(node);
        (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).State.ShouldBe("Succeeded");
        var scoringId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 160), "scoring", "short.csv");
        foreach (var artifact in Directory.EnumerateFiles(Path.Combine(_deployment.Storage, "models"), "*.kpm", SearchOption.AllDirectories))
            File.Delete(artifact); // the model's file is gone: every attempt fails the same way

        var failed = await RunJobAsync(session, assetId, "score", scoringId, TimeSpan.FromMinutes(1));

        failed.State.ShouldBe("Failed");
        failed.Attempts.ShouldBe(3);
        failed.Error!.ShouldStartWith("Gave up after 3 attempts. Last error: FileNotFoundException");
    }

    [Fact]
    public async Task A_worker_only_node_serves_health_and_nothing_else_while_a_web_node_serves_pages()
    {
        var web = await StartNodeAsync(new() { ["Portal:Role"] = "Web" });
        var worker = await StartNodeAsync(new() { ["Portal:Role"] = "Worker" });
        using var webClient = web.CreateClient();
        using var workerClient = worker.CreateClient();

        (await workerClient.GetAsync("/health", Ct)).IsSuccessStatusCode.ShouldBeTrue();
        ((int)(await workerClient.GetAsync("/account/login", Ct)).StatusCode).ShouldBe(404);
        ((int)(await workerClient.GetAsync("/api/jobs/00000000-0000-0000-0000-000000000000", Ct)).StatusCode).ShouldBe(404);
        (await webClient.GetAsync("/account/login", Ct)).IsSuccessStatusCode.ShouldBeTrue();
    }

    private string CheckpointFolder => Path.Combine(_deployment.Storage, "checkpoints");

    private bool HasCheckpoint() => Directory.Exists(CheckpointFolder) && Directory.EnumerateFiles(CheckpointFolder, "*.ckpt").Any();

    /// <summary>The asset's one model ran all 4,000 iterations, resumed from a checkpoint, and left no checkpoint behind.</summary>
    private async Task ShouldHaveContinuedFromACheckpointAsync(int assetId)
    {
        Directory.EnumerateFiles(CheckpointFolder, "*.ckpt").ShouldBeEmpty();
        var model = await _deployment.WithDbAsync(db => db.Models.SingleAsync(m => m.AssetId == assetId));
        using var detector = Detector.Load(Path.Combine(_deployment.Storage, model.ArtifactKey), TorchSharp.torch.CPU);
        detector.Metadata.Training.ResumedFromIteration.ShouldNotBeNull();
        detector.Metadata.Training.ResumedFromIteration.Value.ShouldBeGreaterThanOrEqualTo(100);
        detector.Metadata.Training.IterationsRun.ShouldBe(4000);
    }

    /// <summary>Trains the asset's model, then uploads 48,000 rows at W = 16: 3,000 windows (batches of 4), with two anomalies.</summary>
    private static async Task<int> TrainAndUploadLongScoringAsync(PortalSession session, int assetId, int normalId)
    {
        (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).State.ShouldBe("Succeeded");
        return await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 48_000, anomalyStart: 20_000, anomalyLength: 80), "scoring", "long.csv");
    }

    /// <summary>An interrupted run stored windows 0–2,999 once each, with the scores and alarms of an uninterrupted run of the same recording.</summary>
    private async Task ShouldMatchAnUninterruptedRunAsync(Guid interruptedId, Guid referenceId)
    {
        var resumed = await WindowsOfAsync(interruptedId);
        var uninterrupted = await WindowsOfAsync(referenceId);
        resumed.Select(w => w.WindowIndex).ShouldBe(Enumerable.Range(0, 3000));
        resumed.Select(w => w.Score).ShouldBe(uninterrupted.Select(w => w.Score), tolerance: 1e-9);
        (await AlarmWindowsOfAsync(interruptedId)).ShouldBe(await AlarmWindowsOfAsync(referenceId));
        (await AlarmWindowsOfAsync(referenceId)).ShouldNotBeEmpty();
    }

    /// <summary>A worker-only process whose lease runs out 3 s after it dies, so the next worker takes its job over quickly.</summary>
    private static Dictionary<string, string?> WorkerProcessSettings(Dictionary<string, string?> settings) =>
        new(settings) { ["Portal:Role"] = "Worker", ["Worker:Lease"] = "00:00:03" };

    /// <summary>Waits; if it times out, the failure carries the end of the process's log (why it never got there).</summary>
    private static async Task<T> WaitShowingLogAsync<T>(PortalProcess process, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (Exception e) when (e is TimeoutException or ShouldAssertException)
        {
            var log = process.Log;
            throw new TimeoutException($"{e.Message}\nExited: {process.Exited}. Last of its log:\n{log[Math.Max(0, log.Length - 6000)..]}", e);
        }
    }

    private static Task WaitShowingLogAsync(PortalProcess process, Func<Task> wait) =>
        WaitShowingLogAsync(process, async () => { await wait(); return true; });

    private Task<PortalNode> StartNodeAsync(Dictionary<string, string?>? settings = null) => _deployment.StartNodeAsync(settings);

    private Task StopAsync(PortalNode node) => _deployment.StopAsync(node);

    private static Task<PortalSession> SignInAsync(PortalNode node) =>
        PortalSession.SignInAsync(node, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

    private async Task<(int AssetId, int NormalId)> SeedAssetAsync(PortalNode node)
    {
        var assetId = await _deployment.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Robot 1", CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        using var session = await SignInAsync(node);
        return (assetId, await UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv"));
    }

    private Task<Job> FindJobAsync(Guid id) => _deployment.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private Task<List<Data.Entities.WindowScoreRow>> WindowsOfAsync(Guid jobId) =>
        _deployment.WithDbAsync(db => db.WindowScores.AsNoTracking().Where(w => w.RunId == jobId).OrderBy(w => w.WindowIndex).ToListAsync());

    private Task<List<int>> AlarmWindowsOfAsync(Guid jobId) =>
        _deployment.WithDbAsync(db => db.Alarms.Where(a => a.RunId == jobId).OrderBy(a => a.FirstWindowIndex).Select(a => a.FirstWindowIndex).ToListAsync());




    public ValueTask DisposeAsync() => _deployment.DisposeAsync();
}

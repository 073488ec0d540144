using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Jobs;

/// <summary>The queue itself, on a portal whose own worker is off, so that the test's claims are the only ones.</summary>
public class JobQueueTests(PortalWithoutWorker portal) : PortalTest(portal), IClassFixture<PortalWithoutWorker>
{
    [Fact]
    public async Task Concurrent_claimers_never_get_the_same_job()
    {
        var assetId = await CreateAssetAsync();
        var store = Portal.Services.GetRequiredService<JobStore>();
        var ids = await Portal.WithDbAsync(async db =>
        {
            var jobs = Enumerable.Range(0, 40).Select(i => new Job
            {
                Id = Guid.NewGuid(), Kind = JobKind.Score, State = JobState.Queued, AssetId = assetId, RecordingId = -1,
                CreatedAt = DateTimeOffset.UtcNow.AddSeconds(i),
            }).ToList();
            db.Jobs.AddRange(jobs);
            await db.SaveChangesAsync();
            return jobs.Select(j => j.Id).ToHashSet();
        });

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await store.ClaimNextAsync($"test-worker-{worker}", JobLanes.Scoring, TimeSpan.FromMinutes(5), maxAttempts: 3, CancellationToken.None) is { } job)
                mine.Add(job.Id);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        all.ShouldBeUnique();
        all.Order().ShouldBe(ids.Order());
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_is_taken_over()
    {
        var assetId = await CreateAssetAsync();
        var store = Portal.Services.GetRequiredService<JobStore>();
        var id = await InsertJobOfDeadWorkerAsync(assetId, attempts: 1);

        var claimed = await store.ClaimNextAsync("rescuer", JobLanes.Scoring, TimeSpan.FromMinutes(5), maxAttempts: 3, CancellationToken.None);

        claimed.ShouldNotBeNull();
        claimed.Id.ShouldBe(id);
        claimed.LeaseOwner.ShouldBe("rescuer");
        claimed.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task A_job_that_exhausted_its_attempts_is_failed_not_retried()
    {
        var assetId = await CreateAssetAsync();
        var store = Portal.Services.GetRequiredService<JobStore>();
        var id = await InsertJobOfDeadWorkerAsync(assetId, attempts: 3);

        var claimed = await store.ClaimNextAsync("rescuer", JobLanes.Scoring, TimeSpan.FromMinutes(5), maxAttempts: 3, CancellationToken.None);

        claimed.ShouldBeNull();
        var job = await Portal.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Id == id));
        job.State.ShouldBe(JobState.Failed);
        job.Error!.ShouldContain("Gave up after 3 attempts");
    }

    [Fact]
    public async Task A_worker_of_one_lane_never_takes_a_job_of_another()
    {
        var assetId = await CreateAssetAsync();
        var store = Portal.Services.GetRequiredService<JobStore>();
        var training = await store.EnqueueAsync(JobKind.Train, assetId, -1, null, CancellationToken.None);

        (await store.ClaimNextAsync("scorer", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None)).ShouldBeNull();
        (await store.ClaimNextAsync("trainer", JobLanes.Training, TimeSpan.FromMinutes(5), 3, CancellationToken.None))!.Id.ShouldBe(training.Id);
    }

    [Fact]
    public async Task A_failed_attempt_waits_out_its_back_off_before_it_is_claimed_again()
    {
        var assetId = await CreateAssetAsync();
        var store = Portal.Services.GetRequiredService<JobStore>();
        var job = await store.EnqueueAsync(JobKind.Score, assetId, -1, null, CancellationToken.None);
        await store.ClaimNextAsync("w", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None);

        await store.RetryLaterAsync(job.Id, "w", "IOException: disk busy", DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        var waiting = await store.FindAsync(job.Id, CancellationToken.None);
        var early = await store.ClaimNextAsync("w2", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None);
        await Portal.WithDbAsync(db => db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.NotBefore, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var due = await store.ClaimNextAsync("w2", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None);

        waiting!.State.ShouldBe(JobState.Queued);
        waiting.Error.ShouldBe("IOException: disk busy");
        waiting.Message!.ShouldStartWith("Attempt failed; retrying at");
        early.ShouldBeNull();
        due!.Id.ShouldBe(job.Id);
        due.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_a_queued_job_ends_it_and_cancelling_a_running_one_tells_its_worker()
    {
        var assetId = await CreateAssetAsync();
        var store = Portal.Services.GetRequiredService<JobStore>();
        var running = await store.EnqueueAsync(JobKind.Score, assetId, -1, null, CancellationToken.None);
        await store.ClaimNextAsync("w", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None);
        var queued = await store.EnqueueAsync(JobKind.Score, assetId, -1, null, CancellationToken.None);

        var beforeCancel = await store.RenewLeaseAsync(running.Id, "w", TimeSpan.FromMinutes(5), CancellationToken.None);
        (await store.RequestCancelAsync(queued.Id, CancellationToken.None))!.State.ShouldBe(JobState.Cancelled);
        (await store.RequestCancelAsync(running.Id, CancellationToken.None))!.State.ShouldBe(JobState.Running);
        var afterCancel = await store.RenewLeaseAsync(running.Id, "w", TimeSpan.FromMinutes(5), CancellationToken.None);
        var ofAnotherWorker = await store.RenewLeaseAsync(running.Id, "someone-else", TimeSpan.FromMinutes(5), CancellationToken.None);

        beforeCancel.ShouldBe(LeaseStatus.Held);
        afterCancel.ShouldBe(LeaseStatus.CancelRequested);
        ofAnotherWorker.ShouldBe(LeaseStatus.Lost);
        (await store.ClaimNextAsync("w2", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_job_released_at_shutdown_is_queued_again_without_losing_an_attempt()
    {
        var assetId = await CreateAssetAsync();
        var store = Portal.Services.GetRequiredService<JobStore>();
        var job = await store.EnqueueAsync(JobKind.Score, assetId, -1, null, CancellationToken.None);
        await store.ClaimNextAsync("stopping", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None);

        await store.ReleaseAsync(job.Id, "stopping", CancellationToken.None);
        var next = await store.ClaimNextAsync("restarted", JobLanes.Scoring, TimeSpan.FromMinutes(5), 3, CancellationToken.None);

        next!.Id.ShouldBe(job.Id);
        next.Attempts.ShouldBe(1);
    }

    /// <summary>A running job whose worker died a minute ago: its lease has run out.</summary>
    private Task<Guid> InsertJobOfDeadWorkerAsync(int assetId, int attempts) => Portal.WithDbAsync(async db =>
    {
        var job = new Job
        {
            Id = Guid.NewGuid(), Kind = JobKind.Score, State = JobState.Running, AssetId = assetId, RecordingId = -1,
            CreatedAt = DateTimeOffset.UtcNow.AddYears(-1), LeaseOwner = "dead-worker", LeaseExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            Attempts = attempts,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });
}

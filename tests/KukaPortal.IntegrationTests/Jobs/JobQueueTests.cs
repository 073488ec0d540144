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
            while (await store.ClaimNextAsync($"test-worker-{worker}", TimeSpan.FromMinutes(5), maxAttempts: 3, CancellationToken.None) is { } job)
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

        var claimed = await store.ClaimNextAsync("rescuer", TimeSpan.FromMinutes(5), maxAttempts: 3, CancellationToken.None);

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

        var claimed = await store.ClaimNextAsync("rescuer", TimeSpan.FromMinutes(5), maxAttempts: 3, CancellationToken.None);

        claimed.ShouldBeNull();
        var job = await Portal.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Id == id));
        job.State.ShouldBe(JobState.Failed);
        job.Error!.ShouldContain("Gave up after 3 attempts");
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

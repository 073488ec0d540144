using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Web.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// Issue 9's database faults: PostgreSQL stops and starts again (a restart) under a running portal, on a server of
/// this class's own (<see cref="PrivatePostgres"/>). The portal retries with back-off, says so when it cannot, and
/// recovers without help: no window lost or stored twice, no alarm doubled, no acknowledgement silently dropped.
/// </summary>
public sealed class DatabaseOutageTests(PrivatePostgres postgres) : IClassFixture<PrivatePostgres>, IAsyncDisposable
{
    private readonly List<PortalNode> _nodes = [];
    private readonly string _storage = Path.Combine(Path.GetTempPath(), $"kukaportal-faults-blobs-{Guid.NewGuid():N}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task An_outage_shows_on_health_and_in_the_banner_state_and_clears_by_itself()
    {
        var node = await StartPortalAsync();
        var status = node.Services.GetRequiredService<DatabaseStatus>();
        using var client = node.CreateClient();
        (await client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        HttpResponseMessage health;
        var clock = Stopwatch.StartNew();
        await postgres.StopAsync();
        TimeSpan seenAfter;
        try
        {
            // No request of ours: the background probe alone must notice.
            await WaitUntilAsync(() => !status.Reachable, TimeSpan.FromSeconds(10), "the banner state to show the outage");
            seenAfter = clock.Elapsed;
            health = await client.GetAsync("/health", Ct);
        }
        finally
        {
            await postgres.StartAsync();
        }
        clock.Restart();
        await WaitUntilAsync(() => status.Reachable, TimeSpan.FromSeconds(10), "the banner state to clear once the database is back");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Outage shown {seenAfter.TotalSeconds:F1} s after the stop began; cleared {clock.Elapsed.TotalSeconds:F1} s after the start returned.");

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync(Ct)).ShouldContain("PostgreSQL does not answer");
        (await client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_acknowledge_while_the_database_is_down_is_refused_and_afterwards_recorded_exactly_once()
    {
        var node = await StartPortalAsync();
        var alarmId = await RaiseAlarmAsync(node);
        using var session = await PortalSession.SignInAsync(node, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        HttpResponseMessage refused;
        var clock = Stopwatch.StartNew();
        await postgres.StopAsync();
        try
        {
            refused = await AcknowledgeAsync(session, alarmId, "Seen during the outage");
        }
        finally
        {
            await postgres.StartAsync();
        }
        var refusedAfter = clock.Elapsed;

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await refused.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail.ShouldBe(DatabaseUnreachable.Message);
        (await AcknowledgementsAsync(node, alarmId)).ShouldBeEmpty();
        (await node.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == alarmId))).State.ShouldBe(AlarmState.ActiveUnacknowledged);

        // The first request after the restart meets the pool's dead connections; the retry carries it through.
        var first = await session.ReadAsync<AlarmView>(await AcknowledgeAsync(session, alarmId, "Seen after the restart"));
        var repeat = await session.ReadAsync<AlarmView>(await AcknowledgeAsync(session, alarmId, "Seen after the restart"));

        first.Changed.ShouldBeTrue();
        repeat.Changed.ShouldBeFalse();
        (await AcknowledgementsAsync(node, alarmId)).ShouldBe(["Seen after the restart"]);
        TestContext.Current.TestOutputHelper?.WriteLine($"Acknowledge refused after {refusedAfter.TotalSeconds:F1} s of retries.");
    }

    // Longer than the others: the model it scores with is trained first, which takes 10-30 s on a loaded machine.
    [Fact(Timeout = 120_000)]
    public async Task A_scoring_job_rides_out_a_restart_and_stores_every_window_and_alarm_once()
    {
        var node = await StartPortalAsync(new()
        {
            ["Worker:ScoringBatchSize"] = "4", // many small transactions: the restart lands inside the job
            ["Training:Iterations"] = "100",
        });
        var clock = Stopwatch.StartNew();
        void Step(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
        Step("portal started");
        var assetId = await node.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Robot 1", CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        using var session = await PortalSession.SignInAsync(node, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var normalId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv");
        Step("normal data uploaded");
        (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromSeconds(30))).State.ShouldBe("Succeeded");
        Step("trained");
        // 24,000 rows at W = 16: 1,500 windows in 375 batches, with an anomaly.
        var scoringId = await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 24_000, anomalyStart: 12_000, anomalyLength: 80), "scoring", "long.csv");

        Step("scoring data uploaded");
        var job = await QueueJobAsync(session, assetId, "score", scoringId);
        await WaitUntilAsync(async () => await CountWindowsAsync(node, job.Id) > 0, TimeSpan.FromSeconds(15), "the first stored windows");
        var storedBefore = await CountWindowsAsync(node, job.Id);
        Step($"{storedBefore} windows stored; stopping PostgreSQL");
        await postgres.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        }
        finally
        {
            await postgres.StartAsync();
        }
        Step("PostgreSQL started again");
        var done = await WaitForJobAsync(session, job.Id, TimeSpan.FromSeconds(30));
        Step($"job {done.State}");

        storedBefore.ShouldBeLessThan(1500, "the restart should have come while the job was storing windows");
        done.State.ShouldBe("Succeeded", done.Error);
        var windows = await node.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == job.Id).OrderBy(w => w.WindowIndex)
            .Select(w => new { w.WindowIndex, w.AboveThreshold }).ToListAsync());
        var indexes = windows.Select(w => w.WindowIndex).ToList();
        indexes.ShouldBe(Enumerable.Range(0, 1500), "every window stored exactly once");
        var alarms = await AlarmWindowsAsync(node, job.Id);
        var expectedAlarms = RaisePoints(windows.Select(w => w.AboveThreshold), k: 2, n: 3);
        expectedAlarms.ShouldNotBeEmpty();
        alarms.ShouldBe(expectedAlarms, "one alarm per raise of the 2-of-3 rule over the stored windows, none doubled or lost");
        var sequences = await node.WithDbAsync(db => db.WindowScores.Where(w => w.AssetId == assetId).Select(w => w.Sequence).ToListAsync());
        sequences.ShouldBeUnique();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Windows stored before the restart: {storedBefore}; after: {indexes.Count} (expected 1500), duplicates: {indexes.Count - indexes.Distinct().Count()}; " +
            $"alarms: {alarms.Count} (expected {expectedAlarms.Count}); job attempts: {done.Attempts}.");
    }

    private async Task<PortalNode> StartPortalAsync(Dictionary<string, string?>? settings = null)
    {
        var database = $"kukaportal_faults_{Guid.NewGuid():N}";
        settings ??= [];
        settings["ConnectionStrings:Portal"] = postgres.ConnectionString(database);
        // The outage banner's probe, often enough that a test sees it come and go within a second.
        settings["DatabaseWatch:Interval"] = "00:00:00.200";
        var node = new PortalNode(database, _storage, settings);
        _nodes.Add(node);
        await node.InitializeAsync();
        return node;
    }

    /// <summary>Raises an alarm the real way: a scored batch whose last window raises the condition.</summary>
    private static async Task<long> RaiseAlarmAsync(PortalNode node)
    {
        var (assetId, modelId) = await node.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Robot 1", CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            var model = new DetectorModel
            {
                AssetId = asset.Id, Version = 1, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = 10,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Models.Add(model);
            await db.SaveChangesAsync();
            return (asset.Id, model.Id);
        });
        var origin = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);
        var windows = Enumerable.Range(0, 3).Select(i => new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, 1.2, 1.2, true, origin.AddSeconds(i), null)).ToList();
        var stored = await node.Services.GetRequiredService<ScoreBatchWriter>()
            .StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, [(2, ConditionChange.Raised)]), CancellationToken.None);
        return stored.ChangedAlarms.ShouldHaveSingleItem().Id;
    }

    private static Task<HttpResponseMessage> AcknowledgeAsync(PortalSession session, long alarmId, string comment) =>
        session.Client.PostAsJsonAsync($"/api/alarms/{alarmId}/acknowledge", new { comment }, Ct);

    private static Task<List<string?>> AcknowledgementsAsync(PortalNode node, long alarmId) =>
        node.WithDbAsync(db => db.AlarmEvents.Where(e => e.AlarmId == alarmId && e.Kind == AlarmEventKind.Acknowledged).Select(e => e.Comment).ToListAsync());

    private static Task<int> CountWindowsAsync(PortalNode node, Guid jobId) =>
        node.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == jobId));

    /// <summary>The windows at which the on-delay rule raises its condition: where each alarm of the run must start.</summary>
    private static List<int> RaisePoints(IEnumerable<bool> aboveThreshold, int k, int n)
    {
        var rule = new OnDelayAlarmRule(k, n);
        return aboveThreshold.Select((above, index) => (Change: rule.Push(above), Index: index))
            .Where(w => w.Change == ConditionChange.Raised).Select(w => w.Index).ToList();
    }

    private static Task<List<int>> AlarmWindowsAsync(PortalNode node, Guid jobId) =>
        node.WithDbAsync(db => db.Alarms.Where(a => a.RunId == jobId).OrderBy(a => a.FirstWindowIndex).Select(a => a.FirstWindowIndex).ToListAsync());

    private sealed record Problem(string? Title, string? Detail, int Status);

    private sealed record AlarmView(long Id, string State, bool Changed);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
    }
}

using KukaPortal.Data.Scores;
using KukaPortal.Data.Scores.History;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.History;

public class ScoreRollupTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>Two days ago on a whole hour: inside the retention, so minute buckets and raw windows exist.</summary>
    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(-2).AddHours(5);

    private ScoreBatchWriter Writer => Portal.Services.GetRequiredService<ScoreBatchWriter>();
    private ScoreHistoryReader Reader => Portal.Services.GetRequiredService<ScoreHistoryReader>();

    [Fact]
    public async Task Rollups_equal_the_raw_windows_after_several_batches_and_a_resent_one()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var run = Guid.NewGuid();
        // Windows every 7 s across an hour boundary, in batches of 100; one batch re-sent whole and one cut differently.
        await Writer.StoreAsync(Batch(assetId, modelId, run, 0, 100), CancellationToken.None);
        await Writer.StoreAsync(Batch(assetId, modelId, run, 100, 100), CancellationToken.None);
        await Writer.StoreAsync(Batch(assetId, modelId, run, 100, 100), CancellationToken.None);
        await Writer.StoreAsync(Batch(assetId, modelId, run, 150, 400), CancellationToken.None);
        await Writer.StoreAsync(Batch(assetId, modelId, Guid.NewGuid(), 0, 300), CancellationToken.None); // a second run, same times

        var rollups = await RollupsAsync(assetId);
        var expected = await FromRawAsync(assetId);

        expected.Count.ShouldBeGreaterThan(60); // minute and hour buckets of 950 windows over about 65 minutes
        rollups.ShouldBe(expected, ignoreOrder: true);
        rollups.Where(r => r.Size == 3600).Sum(r => r.Windows).ShouldBe(850);
        rollups.Where(r => r.Size == 60).Sum(r => r.Windows).ShouldBe(850);
    }

    [Fact]
    public async Task A_short_range_reads_raw_windows_and_longer_ranges_read_buckets_of_at_most_2000_points()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var windows = Batch(assetId, modelId, Guid.NewGuid(), 0, 3000);
        await Writer.StoreAsync(windows, CancellationToken.None);
        var spike = windows.Windows[1234];

        var fewWindows = await Reader.ReadAsync(assetId, Start, Start.AddMinutes(30), CancellationToken.None);
        var manyWindows = await Reader.ReadAsync(assetId, Start, Start.AddHours(30), CancellationToken.None);
        var week = await Reader.ReadAsync(assetId, Start.AddDays(-6), Start.AddDays(1), CancellationToken.None);
        var year = await Reader.ReadAsync(assetId, Start.AddDays(-364), Start.AddDays(1), CancellationToken.None);

        fewWindows.Plan.ShouldBe(new ScoreHistoryPlan(ScoreRollupLevel.Raw, 0));
        fewWindows.Points.Count.ShouldBe(windows.Windows.Count(w => w.At < Start.AddMinutes(30)));
        manyWindows.Plan.ShouldBe(new ScoreHistoryPlan(ScoreRollupLevel.Minute, 60));
        week.Plan.ShouldBe(new ScoreHistoryPlan(ScoreRollupLevel.Minute, 360));
        year.Plan.ShouldBe(new ScoreHistoryPlan(ScoreRollupLevel.Hour, 5 * 3600)); // a year starts before the minute buckets' retention
        foreach (var history in new[] { manyWindows, week, year })
        {
            history.Points.Count.ShouldBeLessThanOrEqualTo(2000);
            history.Points.Sum(p => p.Windows).ShouldBe(3000);
            history.Points.Max(p => p.Max).ShouldBe(spike.Calibrated); // the one spike survives every level
            history.Points.Sum(p => p.AboveThreshold).ShouldBe(windows.Windows.Count(w => w.AboveThreshold));
        }
        manyWindows.Points.Sum(p => p.Mean * p.Windows).ShouldBe(windows.Windows.Sum(w => w.Calibrated), tolerance: 1e-6);
    }

    [Fact]
    public async Task Retention_deletes_expired_minute_buckets_and_keeps_hour_buckets()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        await Writer.StoreAsync(Batch(assetId, modelId, Guid.NewGuid(), 0, 20), CancellationToken.None);
        var retention = Portal.Services.GetRequiredService<ScoreRollupRetention>();
        var retentionDays = Portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScoreOptions>>().Value.RetentionDays;

        var deleted = await retention.DeleteExpiredMinutesAsync(Start.AddDays(retentionDays).AddHours(2), CancellationToken.None);

        deleted.ShouldBeGreaterThan(0);
        var left = await RollupsAsync(assetId);
        left.ShouldNotBeEmpty();
        left.ShouldAllBe(r => r.Size == 3600);
    }

    /// <summary>Window i ends at Start + 7 s · (i + 1); every 97th window is a spike above the threshold.</summary>
    private static ScoreBatch Batch(int assetId, int modelId, Guid run, int first, int count) =>
        new(assetId, run, modelId, Enumerable.Range(first, count).Select(i =>
        {
            var calibrated = i == 1234 ? 9.75 : i % 97 == 0 ? 1.5 + i / 1000.0 : 0.2 + (i % 13) / 20.0;
            return new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, calibrated / 2, calibrated, calibrated >= 1, Start.AddSeconds(7 * (i + 1)));
        }).ToList(), []);

    private sealed record Bucket(int Size, DateTimeOffset At, int Windows, int Above, double Sum, double Min, double Max);

    private async Task<List<Bucket>> RollupsAsync(int assetId) =>
        (await Portal.WithDbAsync(db => db.ScoreRollups.Where(r => r.AssetId == assetId).ToListAsync()))
        .Select(r => new Bucket(r.BucketSeconds, r.Bucket, r.Windows, r.AboveThreshold, Math.Round(r.SumCalibrated, 9), r.MinCalibrated, r.MaxCalibrated))
        .ToList();

    /// <summary>The same buckets computed from the stored windows themselves.</summary>
    private Task<List<Bucket>> FromRawAsync(int assetId) => Portal.WithDbAsync(db => db.Database.SqlQuery<Bucket>($"""
        SELECT size, date_bin(make_interval(secs => size), at, TIMESTAMPTZ '2000-01-01 00:00:00Z') AS at,
               count(*)::int AS windows, (count(*) FILTER (WHERE above_threshold))::int AS above, round(sum(calibrated)::numeric, 9)::float8 AS sum,
               min(calibrated) AS min, max(calibrated) AS max
        FROM window_scores CROSS JOIN (VALUES (60), (3600)) AS s(size) WHERE asset_id = {assetId}
        GROUP BY 1, 2
        """).ToListAsync());

    private async Task<(int AssetId, int ModelId)> CreateAssetWithModelAsync()
    {
        var assetId = await CreateAssetAsync("History robot");
        return (assetId, await CreateModelRowAsync(assetId, window: 10));
    }
}

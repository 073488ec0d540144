using KukaPortal.Data;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Scores.Partitions;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KukaPortal.IntegrationTests.Scores;

public class ScorePartitionTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_batch_that_spans_midnight_lands_in_two_day_partitions()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var runId = Guid.NewGuid();
        var midnight = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(-3);

        // Windows end 2 s before midnight, 1 s before, then 1 s and 2 s after it.
        await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(midnight.AddSeconds(-3), 4), []), CancellationToken.None);

        var byPartition = await CountByPartitionAsync(runId);
        byPartition.ShouldBe(new Dictionary<string, long>
        {
            [new ScorePartition(DateOnly.FromDateTime(midnight.UtcDateTime).AddDays(-1)).Name] = 2,
            [new ScorePartition(DateOnly.FromDateTime(midnight.UtcDateTime)).Name] = 2,
        });
    }

    [Fact]
    public async Task Two_writers_racing_for_a_new_day_both_store_their_windows()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var services = Portal.Services;
        var day = DateTimeOffset.UtcNow.AddDays(-20);
        // Separate maintainers: neither knows the day from the other's cache, so both issue the DDL.
        var writers = Enumerable.Range(0, 2).Select(_ => new ScoreBatchWriter(services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            new ScorePartitionMaintainer(services.GetRequiredService<IDbContextFactory<PortalDbContext>>()), TimeProvider.System,
            services.GetRequiredService<KukaPortal.Data.Alarms.ConditionChangeWriter>())).ToList();
        var runs = new[] { Guid.NewGuid(), Guid.NewGuid() };

        await Task.WhenAll(writers.Select((w, i) => w.StoreAsync(new ScoreBatch(assetId, runs[i], modelId, Windows(day, 5), []), CancellationToken.None)));

        foreach (var run in runs)
            (await CountByPartitionAsync(run)).Values.Sum().ShouldBe(5);
    }

    [Fact]
    public async Task Retention_drops_the_partitions_of_days_older_than_the_retention_and_keeps_the_rest()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var retention = Portal.Services.GetRequiredService<ScorePartitionRetention>();
        var now = DateTimeOffset.UtcNow;
        // Retention is 90 days: the first two days end before now − 90 d, the last two do not.
        var runs = new[] { -200, -91, -89, 0 }.ToDictionary(days => days, _ => Guid.NewGuid());
        foreach (var (days, run) in runs)
            await writer.StoreAsync(new ScoreBatch(assetId, run, modelId, Windows(StartOfDay(now.AddDays(days)).AddHours(1), 3), []), CancellationToken.None);
        var keptBefore = await SnapshotAsync(runs[-89], runs[0]);

        var dropped = await retention.DropExpiredAsync(now, CancellationToken.None);

        dropped.ShouldContain(new ScorePartition(DateOnly.FromDateTime(now.AddDays(-200).UtcDateTime)).Name);
        dropped.ShouldContain(new ScorePartition(DateOnly.FromDateTime(now.AddDays(-91).UtcDateTime)).Name);
        var remaining = await PartitionNamesAsync();
        remaining.ShouldNotContain(new ScorePartition(DateOnly.FromDateTime(now.AddDays(-91).UtcDateTime)).Name);
        remaining.ShouldContain(new ScorePartition(DateOnly.FromDateTime(now.AddDays(-89).UtcDateTime)).Name);
        remaining.ShouldContain(new ScorePartition(DateOnly.FromDateTime(now.UtcDateTime)).Name);
        (await CountByPartitionAsync(runs[-200])).ShouldBeEmpty();
        (await CountByPartitionAsync(runs[-91])).ShouldBeEmpty();
        (await SnapshotAsync(runs[-89], runs[0])).ShouldBe(keptBefore);
    }

    [Fact]
    public async Task A_day_dropped_by_retention_is_created_again_when_a_window_of_it_arrives()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var retention = Portal.Services.GetRequiredService<ScorePartitionRetention>();
        var old = StartOfDay(DateTimeOffset.UtcNow.AddDays(-150)).AddHours(2);
        await writer.StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, Windows(old, 2), []), CancellationToken.None);
        await retention.DropExpiredAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        var late = Guid.NewGuid();
        await writer.StoreAsync(new ScoreBatch(assetId, late, modelId, Windows(old, 2), []), CancellationToken.None);

        (await CountByPartitionAsync(late)).Values.Sum().ShouldBe(2);
    }

    private static DateTimeOffset StartOfDay(DateTimeOffset t) => new(t.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>Windows whose ends are 1 s apart, the first one at <paramref name="firstEnd"/> + 1 s.</summary>
    private static List<ScoredWindow> Windows(DateTimeOffset firstEnd, int count) =>
        Enumerable.Range(0, count).Select(i => new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, 0.01 * i, 0.1 * i, false, firstEnd.AddSeconds(i + 1))).ToList();

    private async Task<Dictionary<string, long>> CountByPartitionAsync(Guid runId)
    {
        await using var command = Portal.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT tableoid::regclass::text, count(*) FROM window_scores WHERE run_id = @run GROUP BY 1");
        command.Parameters.AddWithValue("run", runId);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private async Task<List<string>> SnapshotAsync(params Guid[] runs)
    {
        await using var command = Portal.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT row(w.*)::text FROM window_scores w WHERE run_id = ANY(@runs) ORDER BY run_id, window_index");
        command.Parameters.AddWithValue("runs", runs);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        rows.Count.ShouldBe(3 * runs.Length);
        return rows;
    }

    private async Task<List<string>> PartitionNamesAsync()
    {
        await using var connection = await Portal.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return (await ScorePartitionRetention.ListAsync(connection, CancellationToken.None)).Select(p => p.Name).ToList();
    }

    private async Task<(int AssetId, int ModelId)> CreateAssetWithModelAsync()
    {
        var assetId = await CreateAssetAsync("Partition robot");
        return (assetId, await CreateModelRowAsync(assetId, window: 10));
    }
}

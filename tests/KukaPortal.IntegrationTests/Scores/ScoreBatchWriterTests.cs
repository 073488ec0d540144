using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Streams;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Scores;

public class ScoreBatchWriterTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_retried_batch_stores_no_window_twice()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var batch = new ScoreBatch(assetId, Guid.NewGuid(), modelId, Windows(0, 50), []);

        var first = await writer.StoreAsync(batch, CancellationToken.None);
        var retry = await writer.StoreAsync(batch, CancellationToken.None);

        first.Rows.Count.ShouldBe(50);
        retry.Rows.ShouldBeEmpty();
        (await Portal.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == batch.RunId))).ShouldBe(50);
    }

    [Fact]
    public async Task A_retried_batch_takes_no_sequence_numbers_and_stores_only_its_missing_windows()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var runId = Guid.NewGuid();

        await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 10), []), CancellationToken.None);
        // The retry covers the stored windows 0..9 and the new 10..14, as a batch cut differently after a crash would.
        var retry = await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 15), []), CancellationToken.None);
        var next = await writer.StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, Windows(0, 1), []), CancellationToken.None);

        retry.Rows.Select(r => r.WindowIndex).ShouldBe([10, 11, 12, 13, 14]);
        retry.Rows.Select(r => r.Sequence).ShouldBe([11L, 12, 13, 14, 15]);
        next.Rows.ShouldHaveSingleItem().Sequence.ShouldBe(16);
        var keys = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == runId).Select(w => new { w.WindowIndex, w.Sequence }).ToListAsync());
        keys.Select(k => k.WindowIndex).Order().ShouldBe(Enumerable.Range(0, 15));
        keys.Select(k => k.Sequence).Distinct().Count().ShouldBe(15);
    }

    [Fact]
    public async Task Stored_rows_carry_the_run_and_the_wall_clock_time_of_each_window()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var runId = Guid.NewGuid();

        await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 3), []), CancellationToken.None);

        var stored = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == runId).OrderBy(w => w.WindowIndex).Select(w => w.At).ToListAsync());
        stored.ShouldBe(Windows(0, 3).Select(w => w.At));
    }

    [Fact]
    public async Task Sequence_numbers_increase_across_batches_of_an_asset()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();

        var a = await writer.StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, Windows(0, 5), []), CancellationToken.None);
        var b = await writer.StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, Windows(0, 5), []), CancellationToken.None);

        a.Rows.Select(r => r.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        b.Rows.Select(r => r.Sequence).ShouldBe([6L, 7, 8, 9, 10]);
    }

    [Fact]
    public async Task An_alarm_is_raised_and_returned_in_the_transaction_of_its_windows()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var jobId = Guid.NewGuid();
        var windows = Windows(0, 6).Select(w => w with { AboveThreshold = w.WindowIndex is 1 or 2, Calibrated = w.WindowIndex == 2 ? 3.5 : 0.5 }).ToList();

        var stored = await writer.StoreAsync(new ScoreBatch(assetId, jobId, modelId, windows,
            [(2, ConditionChange.Raised), (5, ConditionChange.Cleared)]), CancellationToken.None);

        var alarm = stored.ChangedAlarms.ShouldHaveSingleItem();
        alarm.State.ShouldBe(AlarmState.ReturnedUnacknowledged);
        alarm.FirstWindowIndex.ShouldBe(2);
        alarm.PeakCalibrated.ShouldBe(3.5);
        var events = await Portal.WithDbAsync(db => db.AlarmEvents.Where(e => e.AlarmId == alarm.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        events.ShouldBe([AlarmEventKind.Raised, AlarmEventKind.ReturnedToNormal]);
    }

    [Fact]
    public async Task Windows_that_change_no_alarm_commit_without_waiting_for_the_disk_but_an_alarm_waits()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var runId = Guid.NewGuid();
        var raising = Windows(5, 1).Select(w => w with { AboveThreshold = true, Calibrated = 2 }).ToList();
        using var sql = new SqlRecorder();

        var normal = await sql.RecordAsync(() => writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 5), []), CancellationToken.None));
        var alarm = await sql.RecordAsync(() => writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, raising, [(5, ConditionChange.Raised)]), CancellationToken.None));

        normal.ShouldContain(s => s.Contains("INSERT INTO window_scores"));
        normal.ShouldContain(s => s.Contains("set_config('synchronous_commit', 'off', true)"));
        alarm.ShouldContain(s => s.Contains("INSERT INTO window_scores"));
        alarm.ShouldNotContain(s => s.Contains("synchronous_commit"));
        (await Portal.WithDbAsync(db => db.Alarms.CountAsync(a => a.AssetId == assetId))).ShouldBe(1);
    }

    [Fact]
    public async Task A_stream_batch_saves_its_run_position_and_drops_the_consumed_chunks_in_its_transaction()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        // Three chunks of 10 rows; windows 0..1 (rows 0..19) end the first two.
        var runId = await CreateLiveRunAsync(assetId, chunks: 3);

        await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 2), [], Progress: new StreamProgress(2, 20)), CancellationToken.None);

        var run = await Portal.WithDbAsync(db => db.StreamRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        (run.NextWindowIndex, run.NextRow, run.State).ShouldBe((2, 20L, StreamRunState.Running));
        (await Portal.WithDbAsync(db => db.SampleChunks.Where(c => c.RunId == runId).Select(c => c.FirstRow).ToListAsync())).ShouldBe([20L]);
    }

    [Fact]
    public async Task A_live_batch_purges_from_the_chunk_holding_the_position_saved_before()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var runId = await CreateLiveRunAsync(assetId, chunks: 4);
        Task<List<long>> StoredChunks() => Portal.WithDbAsync(db => db.SampleChunks.Where(c => c.RunId == runId).OrderBy(c => c.FirstRow).Select(c => c.FirstRow).ToListAsync());
        using var sql = new SqlRecorder();

        // Position 15 (from 0): [0, 10) goes, [10, 20) still holds rows to come.
        var first = await sql.RecordAsync(() => writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 2), [], Progress: new StreamProgress(2, 15, ChunksFrom: 0)), CancellationToken.None));
        (await StoredChunks()).ShouldBe([10L, 20L, 30L]);
        // Position 35, from the chunk that held 15: [10, 20) and [20, 30) go.
        await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(2, 2), [], Progress: new StreamProgress(4, 35, ChunksFrom: 10)), CancellationToken.None);
        (await StoredChunks()).ShouldBe([30L]);

        first.ShouldContain(s => s.Contains("DELETE FROM sample_chunks WHERE run_id = $1 AND first_row >= $3"));
    }

    /// <summary>A running live run of the asset with its first <paramref name="chunks"/> chunks of 10 rows stored.</summary>
    private async Task<Guid> CreateLiveRunAsync(int assetId, int chunks)
    {
        var runId = Guid.NewGuid();
        await Portal.WithDbAsync(async db =>
        {
            db.StreamRuns.Add(new StreamRun
            {
                Id = runId, AssetId = assetId, Source = StreamSource.Live, State = StreamRunState.Running, Channels = ["a"],
                CreatedAt = RunStart, UpdatedAt = RunStart,
            });
            db.SampleChunks.AddRange(Enumerable.Range(0, chunks).Select(c => new SampleChunk
                { RunId = runId, FirstRow = c * 10, Rows = 10, Values = new float[10], Timestamps = new double[10], ReceivedAt = RunStart }));
            return await db.SaveChangesAsync();
        });
        return runId;
    }

    /// <summary>Today, so that retention never touches these rows.</summary>
    private static readonly DateTimeOffset RunStart = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Small_batches_go_in_one_insert_large_ones_by_copy_and_both_store_the_same_rows()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var (inserted, copied) = (Guid.NewGuid(), Guid.NewGuid());
        // Every other window carries per-channel errors, the others none (a stored NULL).
        List<ScoredWindow> WithErrors(int count) => Windows(0, count)
            .Select(w => w.WindowIndex % 2 == 0 ? w with { ChannelErrors = [0.5f * w.WindowIndex, 1f, 2f] } : w).ToList();
        using var sql = new SqlRecorder();

        var small = await sql.RecordAsync(() => writer.StoreAsync(new ScoreBatch(assetId, inserted, modelId, WithErrors(ScoreBatchWriter.InsertedUpTo), []), CancellationToken.None));
        var large = await sql.RecordAsync(() => writer.StoreAsync(new ScoreBatch(assetId, copied, modelId, WithErrors(ScoreBatchWriter.InsertedUpTo + 1), []), CancellationToken.None));

        small.ShouldContain(s => s.Contains("INSERT INTO window_scores"));
        small.ShouldNotContain(s => s.Contains("COPY window_scores"));
        large.ShouldContain(s => s.Contains("COPY window_scores"));
        var rows = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == inserted || w.RunId == copied)
            .OrderBy(w => w.WindowIndex).ToListAsync());
        var byRun = rows.ToLookup(r => r.RunId);
        byRun[inserted].Count().ShouldBe(ScoreBatchWriter.InsertedUpTo);
        foreach (var (a, b) in byRun[inserted].Zip(byRun[copied]))
        {
            (a.WindowIndex, a.At, a.AssetId, a.ModelId, a.StartRow, a.EndRow, a.StartSeconds, a.EndSeconds, a.Score, a.Calibrated, a.AboveThreshold)
                .ShouldBe((b.WindowIndex, b.At, b.AssetId, b.ModelId, b.StartRow, b.EndRow, b.StartSeconds, b.EndSeconds, b.Score, b.Calibrated, b.AboveThreshold));
            a.ChannelContributions.ShouldBe(b.ChannelContributions);
            (a.ChannelContributions is null).ShouldBe(a.WindowIndex % 2 == 1);
        }
        byRun[copied].Take(ScoreBatchWriter.InsertedUpTo).Select(r => r.Sequence).ShouldBe(byRun[inserted].Select(r => r.Sequence + ScoreBatchWriter.InsertedUpTo));
    }

    private static List<ScoredWindow> Windows(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, 0.01 * i, 0.1 * i, false, RunStart.AddSeconds(i + 1))).ToList();

    private async Task<(int AssetId, int ModelId)> CreateAssetWithModelAsync()
    {
        var assetId = await CreateAssetAsync("Writer robot");
        return (assetId, await CreateModelRowAsync(assetId, window: 10));
    }
}

using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using System.Globalization;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Scores.Partitions;

namespace KukaPortal.Cli.Commands.Bench.Persistence;

/// <summary>
/// Stores the same synthetic windows (86-channel contributions, one window per second, so a large run spans
/// several day partitions) twice: through the portal's <see cref="ScoreBatchWriter"/> (binary COPY, sequences,
/// ON CONFLICT, the empty alarm step) and through EF Core's SaveChanges, batch by batch. Each run is timed as
/// a whole after a warm-up of the same path, and its stored row count is checked, so a path that fails
/// quietly is reported as an error, never as fast.
/// </summary>
public sealed class PersistenceBenchSuite(BenchDatabase database, int rows, int batchSize, TextWriter progress, CancellationToken ct)
{
    public const int Channels = 86;
    public const double CopyTargetRowsPerSecond = 100_000;
    /// <summary>Warm-up: enough small batches for the JIT to promote every method on the path to optimised code.</summary>
    private const int WarmUpRounds = 4;
    private const int WarmUpBatches = 40;
    private const int WarmUpBatchSize = 20;

    private readonly DateTimeOffset start = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow).AddDays(-1);

    public async Task<IReadOnlyList<PersistenceBenchResult>> RunAsync()
    {
        var writer = Writer(database);
        return
        [
            await MeasureAsync("ScoreBatchWriter (binary COPY)", CopyTargetRowsPerSecond, run => CopyAsync(writer, run)),
            await MeasureAsync("EF Core SaveChanges", null, SaveChangesAsync),
        ];
    }

    /// <summary>The portal's score writer on the bench's database, wired as the portal's DI wires it.</summary>
    public static ScoreBatchWriter Writer(BenchDatabase database) =>
        new(database, new ScorePartitionMaintainer(database), TimeProvider.System,
            new ConditionChangeWriter(Options.Create(new AlarmOptions())));

    private async Task<PersistenceBenchResult> MeasureAsync(string name, double? target, Func<Guid, Task> store)
    {
        await progress.WriteLineAsync(Invariant($"{name}: warm-up, then {rows:N0} rows in batches of {batchSize:N0} …"));
        // Tiered compilation optimises a method in steps (instrumented after 30 calls, optimised after 30 more),
        // in the background: until then the writer runs unoptimised code, three to five times slower than in
        // a portal that has been up for a minute. Rounds of small batches with pauses let it catch up.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await store(Guid.Empty);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var run = Guid.NewGuid();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await store(run);
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var clientCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var stored = await database.CountRowsAsync(run, ct);
        if (stored != rows)
            throw new InvalidOperationException(Invariant($"{name} stored {stored:N0} rows instead of {rows:N0}."));
        return new PersistenceBenchResult(name, rows, batchSize, seconds, clientCpu, target);
    }

    /// <summary>The warm-up (run id empty) stores small batches under a run id of its own.</summary>
    private (int Rows, int BatchSize) SizeOf(Guid run) =>
        run == Guid.Empty ? (WarmUpBatches * WarmUpBatchSize, WarmUpBatchSize) : (rows, batchSize);

    private async Task CopyAsync(ScoreBatchWriter writer, Guid run)
    {
        var runId = run == Guid.Empty ? Guid.NewGuid() : run;
        var (total, size) = SizeOf(run);
        for (var first = 0; first < total; first += size)
        {
            var windows = Enumerable.Range(first, Math.Min(size, total - first)).Select(Window).ToList();
            await writer.StoreAsync(new ScoreBatch(database.AssetId, runId, database.ModelId, windows, []), ct);
        }
    }

    private async Task SaveChangesAsync(Guid run)
    {
        var runId = run == Guid.Empty ? Guid.NewGuid() : run;
        var (total, size) = SizeOf(run);
        var scoredAt = DateTimeOffset.UtcNow;
        // EF has no sequence reservation of its own; numbering after the COPY run keeps (asset, sequence) distinct.
        var sequenceBase = run == Guid.Empty ? 10_000_000_000L : 20_000_000_000L;
        for (var first = 0; first < total; first += size)
        {
            await using var db = database.CreateContext();
            foreach (var w in Enumerable.Range(first, Math.Min(size, total - first)).Select(Window))
            {
                db.WindowScores.Add(new WindowScoreRow
                {
                    RunId = runId, WindowIndex = w.WindowIndex, At = w.At, AssetId = database.AssetId, ModelId = database.ModelId,
                    Sequence = sequenceBase + w.WindowIndex, StartRow = w.StartRow, EndRow = w.EndRow, StartSeconds = w.StartSeconds,
                    EndSeconds = w.EndSeconds, Score = w.Score, Calibrated = w.Calibrated, AboveThreshold = w.AboveThreshold,
                    ScoredAt = scoredAt, ChannelContributions = ContributionCodec.Encode(w.ChannelErrors),
                });
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private ScoredWindow Window(int index)
    {
        var errors = new float[Channels];
        for (var c = 0; c < Channels; c++) errors[c] = 0.001f * (1 + (index + c) % 17);
        var score = errors.Average();
        return new ScoredWindow(index, index * 50, index * 50 + 50, index, index + 0.98, score, score / 0.01, score >= 0.01,
            start.AddSeconds(index + 1), errors);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

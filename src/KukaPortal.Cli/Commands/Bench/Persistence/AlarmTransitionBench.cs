using System.Diagnostics;
using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Scores;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Cli.Commands.Bench.Persistence;

/// <summary>
/// Alarm transitions per second through the portal's alarm code: each alarm is raised by a stored batch that
/// carries a Raised condition change (ScoreBatchWriter → ConditionChangeWriter, in the batch's transaction), cleared
/// by the next batch, then acknowledged (AlarmStore.AcknowledgeAsync, what the alarm list's button calls). Each
/// kind is timed on its own clock; every transition must report a changed alarm, so a silent no-op fails the bench.
/// </summary>
public sealed class AlarmTransitionBench(BenchDatabase database, ScoreBatchWriter writer, int alarms, CancellationToken ct)
{
    private const int WarmUpAlarms = 20;
    private readonly DateTimeOffset start = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow).AddHours(-1);

    public async Task<IReadOnlyList<AlarmTransitionResult>> RunAsync()
    {
        var store = new AlarmStore(new Contexts(database), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new AlarmOptions()));
        await CycleAsync(store, Guid.NewGuid(), WarmUpAlarms);
        var (raise, clear, acknowledge) = await CycleAsync(store, Guid.NewGuid(), alarms);
        return
        [
            new("Raise", "ScoreBatchWriter.StoreAsync → ConditionChangeWriter (1-window batch)", alarms, raise.TotalSeconds),
            new("Clear", "ScoreBatchWriter.StoreAsync → ConditionChangeWriter (1-window batch)", alarms, clear.TotalSeconds),
            new("Acknowledge", "AlarmStore.AcknowledgeAsync", alarms, acknowledge.TotalSeconds),
            new("All three", "raise + clear + acknowledge", 3 * alarms, (raise + clear + acknowledge).TotalSeconds),
        ];
    }

    private async Task<(TimeSpan Raise, TimeSpan Clear, TimeSpan Acknowledge)> CycleAsync(AlarmStore store, Guid run, int count)
    {
        TimeSpan raise = default, clear = default, acknowledge = default;
        var clock = new Stopwatch();
        for (var i = 0; i < count; i++)
        {
            clock.Restart();
            var raised = await writer.StoreAsync(Batch(run, 2 * i, ConditionChange.Raised, calibrated: 2), ct);
            raise += clock.Elapsed;
            var alarm = raised.ChangedAlarms.SingleOrDefault() ?? throw new InvalidOperationException($"Window {2 * i} raised no alarm.");

            clock.Restart();
            var cleared = await writer.StoreAsync(Batch(run, 2 * i + 1, ConditionChange.Cleared, calibrated: 0.5), ct);
            clear += clock.Elapsed;
            if (cleared.ChangedAlarms.SingleOrDefault()?.Id != alarm.Id) throw new InvalidOperationException($"Window {2 * i + 1} did not clear alarm {alarm.Id}.");

            clock.Restart();
            var acknowledged = await store.AcknowledgeAsync(alarm.Id, "bench", null, ct);
            acknowledge += clock.Elapsed;
            if (!acknowledged.Changed) throw new InvalidOperationException($"Alarm {alarm.Id} was not acknowledged.");
        }
        return (raise, clear, acknowledge);
    }

    private ScoreBatch Batch(Guid run, int index, ConditionChange change, double calibrated) => new(database.AssetId, run, database.ModelId,
        [new ScoredWindow(index, index * 50, index * 50 + 50, index, index + 0.98, calibrated * 0.01, calibrated, calibrated >= 1, start.AddSeconds(index + 1))],
        [(index, change)]);

    /// <summary>AlarmStore opens a context per command, as the portal's pooled factory gives it one.</summary>
    private sealed class Contexts(BenchDatabase database) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => database.CreateContext();
    }
}

/// <param name="Count">Transitions of this kind.</param>
public sealed record AlarmTransitionResult(string Transition, string Code, int Count, double Seconds)
{
    public double PerSecond => Count / Seconds;
}

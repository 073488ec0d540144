using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Data.Alarms;

/// <summary>
/// What people do to alarms. Every operation locks the alarm row (<c>FOR UPDATE</c>), applies the Core
/// state machine, and appends an event with the user, the time and the comment, all in one
/// transaction: two people acting at once produce one change, and the second is told nothing changed.
/// Operations the state does not allow throw <see cref="IllegalAlarmTransitionException"/>.
/// </summary>
public sealed class AlarmStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, IOptions<AlarmOptions> options)
{
    public Task<AlarmCommandResult> AcknowledgeAsync(long alarmId, string user, string? comment, CancellationToken ct) =>
        ChangeAsync(alarmId, (alarm, now) => Acknowledge(alarm, now, user, comment), ct);

    /// <summary>
    /// Acknowledges several alarms with one comment, in one transaction (rows locked in id order, so two
    /// bulk acknowledgements cannot deadlock). Alarms already acknowledged or cleared, and those whose state
    /// does not allow it (shelved, out of service, suppressed), are skipped with the reason; each acknowledged
    /// alarm gets its own event, exactly as a single acknowledgement would.
    /// </summary>
    public async Task<BulkAcknowledgeResult> AcknowledgeManyAsync(IReadOnlyCollection<long> alarmIds, string user, string? comment, CancellationToken ct)
    {
        var ids = alarmIds.Distinct().Order().ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var alarms = await db.Alarms.FromSql($"SELECT * FROM alarms WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToDictionaryAsync(a => a.Id, ct);
            var now = time.GetUtcNow();
            var acknowledged = new List<Alarm>();
            var skipped = new List<SkippedAlarm>();
            foreach (var id in ids)
            {
                if (!alarms.TryGetValue(id, out var alarm))
                {
                    skipped.Add(new SkippedAlarm(id, "There is no such alarm."));
                    continue;
                }
                try
                {
                    if (Acknowledge(alarm, now, user, comment)) acknowledged.Add(alarm);
                    else skipped.Add(new SkippedAlarm(id, alarm.State == AlarmState.Normal ? "Already cleared and acknowledged." : "Already acknowledged."));
                }
                catch (AlarmRuleViolationException e)
                {
                    skipped.Add(new SkippedAlarm(id, e.Message));
                }
            }
            await db.SaveChangesAsync(ct);
            return new BulkAcknowledgeResult(acknowledged, skipped);
        }, ct);
    }

    /// <summary>Shelves for <paramref name="minutes"/> with a reason; shelving a shelved alarm keeps its first expiry.</summary>
    public Task<AlarmCommandResult> ShelveAsync(long alarmId, int minutes, string? reason, string user, CancellationToken ct)
    {
        if (ShelveRules.Validate(minutes, reason, options.Value.MaxShelveDuration) is { } problem)
            throw new ArgumentException(problem, nameof(reason));
        return ChangeAsync(alarmId, (alarm, now) =>
        {
            // Whole seconds, rounded up: what the caller is shown is exactly what is stored (PostgreSQL keeps microseconds, .NET ticks).
            var until = CeilingToSecond(now.AddMinutes(minutes));
            if (!alarm.Apply(AlarmLifecycle.Shelve(alarm.Status), AlarmEventKind.Shelved, now, user, $"Until {until:yyyy-MM-dd HH:mm} UTC: {reason!.Trim()}"))
                return false;
            alarm.ShelvedUntil = until;
            alarm.ShelveReason = reason.Trim();
            alarm.ShelvedBy = user;
            return true;
        }, ct);
    }

    public Task<AlarmCommandResult> UnshelveAsync(long alarmId, string user, string? comment, CancellationToken ct) =>
        ChangeAsync(alarmId, (alarm, now) => Unshelve(alarm, now, user, comment), ct);

    /// <summary>The expiry service's unshelve: does nothing unless the alarm is still shelved and its time is up (checked under the lock).</summary>
    public Task<AlarmCommandResult> UnshelveIfExpiredAsync(long alarmId, CancellationToken ct) =>
        ChangeAsync(alarmId, (alarm, now) =>
            alarm.State == AlarmState.Shelved && alarm.ShelvedUntil <= now
            && Unshelve(alarm, now, user: null, $"Shelve expired (set by {alarm.ShelvedBy}: {alarm.ShelveReason})"), ct);

    /// <summary>Records what the alarm was; the same classification again without a comment changes nothing.</summary>
    public Task<AlarmCommandResult> ClassifyAsync(long alarmId, AlarmClassification classification, string? comment, string user, CancellationToken ct) =>
        ChangeAsync(alarmId, (alarm, now) =>
        {
            if (alarm.Classification == classification && string.IsNullOrWhiteSpace(comment)) return false;
            var text = string.IsNullOrWhiteSpace(comment) ? classification.ToString() : $"{classification}: {comment.Trim()}";
            alarm.Apply(AlarmTransition.To(alarm.Status), AlarmEventKind.Classified, now, user, text);
            alarm.Classification = classification;
            alarm.ClassifiedBy = user;
            alarm.ClassifiedAt = now;
            return true;
        }, ct);

    /// <summary>IDs of shelved alarms whose expiry has passed, oldest first.</summary>
    public async Task<IReadOnlyList<long>> ExpiredShelvesAsync(int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Alarms.Where(a => a.State == AlarmState.Shelved && a.ShelvedUntil <= now)
            .OrderBy(a => a.ShelvedUntil).Select(a => a.Id).Take(limit).ToListAsync(ct);
    }

    private static DateTimeOffset CeilingToSecond(DateTimeOffset t) =>
        new(t.Ticks + (TimeSpan.TicksPerSecond - t.Ticks % TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond, t.Offset);

    private static bool Acknowledge(Alarm alarm, DateTimeOffset now, string user, string? comment)
    {
        if (!alarm.Apply(AlarmLifecycle.Acknowledge(alarm.Status), AlarmEventKind.Acknowledged, now, user, comment)) return false;
        alarm.AcknowledgedBy = user;
        alarm.AcknowledgedAt = now;
        return true;
    }

    private static bool Unshelve(Alarm alarm, DateTimeOffset now, string? user, string? comment)
    {
        if (!alarm.Apply(AlarmLifecycle.Unshelve(alarm.Status), AlarmEventKind.Unshelved, now, user, comment)) return false;
        alarm.ShelvedUntil = null;
        return true;
    }

    private async Task<AlarmCommandResult> ChangeAsync(long alarmId, Func<Alarm, DateTimeOffset, bool> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var alarm = await db.Alarms.FromSql($"SELECT * FROM alarms WHERE id = {alarmId} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (alarm is null)
                return new AlarmCommandResult(null, Changed: false);
            if (!change(alarm, time.GetUtcNow()))
                return new AlarmCommandResult(alarm, Changed: false);
            await db.SaveChangesAsync(ct);
            return new AlarmCommandResult(alarm, Changed: true);
        }, ct);
    }
}

public sealed record AlarmCommandResult(Alarm? Alarm, bool Changed);

/// <summary>What a bulk acknowledgement did: the alarms it acknowledged and, for each one it left alone, why.</summary>
public sealed record BulkAcknowledgeResult(IReadOnlyList<Alarm> Acknowledged, IReadOnlyList<SkippedAlarm> Skipped);

public sealed record SkippedAlarm(long AlarmId, string Reason);

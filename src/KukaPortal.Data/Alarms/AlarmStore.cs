using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Alarms;

public sealed class AlarmStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Acknowledges an alarm for <paramref name="user"/>. The row is locked while deciding, so two
    /// operators acknowledging at once produce one acknowledgement; the second is told nothing changed.
    /// </summary>
    public async Task<AcknowledgeResult> AcknowledgeAsync(long alarmId, string user, string? comment, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var alarm = await db.Alarms.FromSql($"SELECT * FROM alarms WHERE id = {alarmId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (alarm is null)
            return new AcknowledgeResult(null, Changed: false);

        var transition = AlarmLifecycle.Acknowledge(alarm.State);
        if (!transition.Changed)
            return new AcknowledgeResult(alarm, Changed: false);

        var now = time.GetUtcNow();
        db.AlarmEvents.Add(new AlarmEvent
        {
            AlarmId = alarm.Id, Kind = AlarmEventKind.Acknowledged, FromState = alarm.State, ToState = transition.State,
            At = now, User = user, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        alarm.State = transition.State;
        alarm.AcknowledgedBy = user;
        alarm.AcknowledgedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AcknowledgeResult(alarm, Changed: true);
    }
}

public sealed record AcknowledgeResult(Alarm? Alarm, bool Changed);

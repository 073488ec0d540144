using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Where an earlier attempt of a scoring run stopped: the next window to score, the above-threshold
/// decisions of the last N stored windows (the alarm rule's memory) and whether the run has an alarm
/// still active. A first attempt starts at window 0 with an empty rule.
/// </summary>
public sealed record ScoringResume(int NextWindow, IReadOnlyList<bool> RecentDecisions, bool AlarmActive)
{
    public static async Task<ScoringResume> LoadAsync(IDbContextFactory<PortalDbContext> dbFactory, Guid runId, int ruleLength, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recent = await db.WindowScores.AsNoTracking()
            .Where(w => w.RunId == runId)
            .OrderByDescending(w => w.WindowIndex)
            .Take(ruleLength)
            .Select(w => new { w.WindowIndex, w.AboveThreshold })
            .ToListAsync(ct);
        if (recent.Count == 0)
            return new ScoringResume(0, [], false);
        var alarmActive = await db.Alarms.AnyAsync(a => a.RunId == runId && a.ConditionActive, ct);
        return new ScoringResume(recent[0].WindowIndex + 1, recent.Select(w => w.AboveThreshold).Reverse().ToArray(), alarmActive);
    }

    /// <summary>
    /// The alarm rule as it stood after the last stored window. The stored alarm decides whether the condition
    /// is on: with a changed K or N the replayed decisions may meet the new rule although no alarm was raised,
    /// and then the next window still above it raises one (stored), instead of the rule assuming it.
    /// </summary>
    public OnDelayAlarmRule Rule(int k, int n)
    {
        var rule = new OnDelayAlarmRule(k, n);
        foreach (var above in RecentDecisions)
            rule.Push(above); // the changes these caused are stored already
        rule.ResumeCondition(AlarmActive);
        return rule;
    }
}

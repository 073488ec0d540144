using KukaPortal.Data.Alarms;

namespace KukaPortal.Web.Components.Alarms;

/// <summary>The sentence an operator reads after acknowledging several alarms at once.</summary>
public static class BulkAcknowledgeSummary
{
    public static string Describe(BulkAcknowledgeResult result)
    {
        var done = $"Acknowledged {result.Acknowledged.Count} alarm{(result.Acknowledged.Count == 1 ? "" : "s")}.";
        if (result.Skipped.Count == 0) return done;
        var skipped = string.Join("; ", result.Skipped.Select(s => $"#{s.AlarmId}: {s.Reason.TrimEnd('.')}"));
        return $"{done} Skipped {result.Skipped.Count}: {skipped}.";
    }
}

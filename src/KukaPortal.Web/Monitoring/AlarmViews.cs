using KukaPortal.Data.Entities;

namespace KukaPortal.Web.Monitoring;

/// <summary>An alarm as the alarm endpoints return it; <see cref="Changed"/> is false when the request was a repeat.</summary>
public sealed record AlarmView(
    long Id, int AssetId, string State, bool ConditionActive, string Priority, double PeakCalibrated,
    string? AcknowledgedBy, DateTimeOffset? ShelvedUntil, string? ShelveReason, string? Classification, string? ClassifiedBy, bool Changed)
{
    public static AlarmView From(Alarm a, bool changed) => new(
        a.Id, a.AssetId, a.State.ToString(), a.ConditionActive, a.Priority.ToString(), a.PeakCalibrated,
        a.AcknowledgedBy, a.ShelvedUntil, a.ShelveReason, a.Classification?.ToString(), a.ClassifiedBy, changed);
}

public sealed record AlarmEventView(long Id, string Kind, string FromState, string ToState, DateTimeOffset At, string? User, string? Comment);

using KukaPortal.Core.Alarms;

namespace KukaPortal.Data.Entities;

/// <summary>One alarm occurrence on an asset, from raise to return-and-acknowledge.</summary>
public sealed class Alarm
{
    public long Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }
    /// <summary>The scoring run that raised it: a batch scoring job's id, or a live stream's run id.</summary>
    public Guid? RunId { get; set; }
    public AlarmState State { get; set; }

    /// <summary>Whether the K-of-N condition is on now; differs from the state while shelved, out of service or suppressed.</summary>
    public bool ConditionActive { get; set; }

    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public int FirstWindowIndex { get; set; }
    public int LastWindowIndex { get; set; }
    public double PeakCalibrated { get; set; }

    /// <summary>From <see cref="PeakCalibrated"/> by the configured bands; rises with the peak, never falls.</summary>
    public AlarmPriority Priority { get; set; }

    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? ShelvedUntil { get; set; }
    public string? ShelveReason { get; set; }
    public string? ShelvedBy { get; set; }

    public AlarmClassification? Classification { get; set; }
    public string? ClassifiedBy { get; set; }
    public DateTimeOffset? ClassifiedAt { get; set; }

    public List<AlarmEvent> Events { get; set; } = [];

    public AlarmStatus Status => new(State, ConditionActive);

    /// <summary>Applies a transition and appends its event; returns false (and records nothing) when nothing changed.</summary>
    public bool Apply(AlarmTransition transition, AlarmEventKind kind, DateTimeOffset at, string? user, string? comment)
    {
        if (!transition.Changed) return false;
        Events.Add(new AlarmEvent
        {
            AlarmId = Id, Kind = kind, FromState = State, ToState = transition.State, At = at, User = user,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        State = transition.State;
        ConditionActive = transition.Status.ConditionActive;
        return true;
    }
}

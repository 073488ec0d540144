namespace KukaPortal.Core.Alarms.Load;

/// <summary>
/// One alarm as the load KPIs see it. <see cref="Annunciated"/> is false for alarms raised while their
/// asset was out of service or suppressed: they were recorded but never shown, so they are no load.
/// </summary>
public sealed record AlarmRecord(
    long AlarmId, int AssetId, DateTimeOffset RaisedAt, bool Annunciated,
    AlarmState State, bool ConditionActive, DateTimeOffset? AcknowledgedAt, AlarmClassification? Classification);

using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// The one path for what people do to alarms, shared by the API endpoints and the pages: the change goes
/// through <see cref="AlarmStore"/> (lock, state machine, event) and, when something changed, dashboards are
/// told through <see cref="MonitoringNotifier"/>. Refusals by the state machine surface as
/// <see cref="AlarmRuleViolationException"/>; the callers check the Operate policy.
/// </summary>
public sealed class AlarmCommands(AlarmStore store, MonitoringNotifier notifier)
{
    public Task<AlarmCommandResult> AcknowledgeAsync(long alarmId, string user, string? comment, CancellationToken ct) =>
        NotifyAsync(store.AcknowledgeAsync(alarmId, user, comment, ct));

    public Task<AlarmCommandResult> ShelveAsync(long alarmId, int minutes, string? reason, string user, CancellationToken ct) =>
        NotifyAsync(store.ShelveAsync(alarmId, minutes, reason, user, ct));

    public Task<AlarmCommandResult> UnshelveAsync(long alarmId, string user, string? comment, CancellationToken ct) =>
        NotifyAsync(store.UnshelveAsync(alarmId, user, comment, ct));

    public Task<AlarmCommandResult> ClassifyAsync(long alarmId, AlarmClassification classification, string? comment, string user, CancellationToken ct) =>
        NotifyAsync(store.ClassifyAsync(alarmId, classification, comment, user, ct));

    public async Task<BulkAcknowledgeResult> AcknowledgeManyAsync(IReadOnlyCollection<long> alarmIds, string user, string? comment, CancellationToken ct)
    {
        var result = await store.AcknowledgeManyAsync(alarmIds, user, comment, ct);
        foreach (var alarm in result.Acknowledged) await notifier.AlarmChangedAsync(alarm);
        return result;
    }

    private async Task<AlarmCommandResult> NotifyAsync(Task<AlarmCommandResult> operation)
    {
        var result = await operation;
        if (result is { Changed: true, Alarm: { } alarm }) await notifier.AlarmChangedAsync(alarm);
        return result;
    }
}

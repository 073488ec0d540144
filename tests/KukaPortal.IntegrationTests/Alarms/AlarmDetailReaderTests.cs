using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Alarms;

/// <summary>The alarm page's reader: the run's windows around the alarm, its worst window, and its history in order.</summary>
public class AlarmDetailReaderTests(PortalFactory portal) : AlarmTest(portal)
{
    [Fact]
    public async Task Reads_the_trace_around_the_alarm_its_worst_window_and_its_history()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var run = Guid.NewGuid();
        await StoreAsync(assetId, modelId, run, 0, ConditionChange.None, calibrated: 0.5);
        var raised = await StoreAsync(assetId, modelId, run, 3, ConditionChange.Raised, calibrated: 2.5);
        await StoreAsync(assetId, modelId, run, 6, ConditionChange.Cleared, calibrated: 0.4);
        var alarmId = raised.ChangedAlarms.ShouldHaveSingleItem().Id;
        using var session = await SignInAsOperatorAsync();
        (await PostAsync(session, $"/api/alarms/{alarmId}/classify", new { classification = "TrueAnomaly", comment = "Gripper" })).EnsureSuccessStatusCode();

        var detail = (await Portal.Services.GetRequiredService<AlarmDetailReader>().ReadAsync(alarmId, Ct)).ShouldNotBeNull();

        detail.Trace.Select(p => p.WindowIndex).ShouldBe(Enumerable.Range(0, 9));
        detail.Trace.Select(p => p.At).ShouldBeInOrder();
        var alarm = await Portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == alarmId));
        var worst = detail.Worst.ShouldNotBeNull();
        worst.RunId.ShouldBe(run);
        worst.WindowIndex.ShouldBeInRange(alarm.FirstWindowIndex, alarm.LastWindowIndex);
        worst.Calibrated.ShouldBe(2.5);
        detail.Events.Select(e => e.Kind).ShouldBe([AlarmEventKind.Raised, AlarmEventKind.ReturnedToNormal, AlarmEventKind.Classified]);
        detail.Events[^1].User.ShouldBe(OperatorEmail);
        detail.Alarm.Classification.ShouldBe(AlarmClassification.TrueAnomaly);
        detail.ClassifiedBy.ShouldBe(OperatorEmail);
    }

    [Fact]
    public async Task An_unknown_alarm_reads_as_null()
    {
        (await Portal.Services.GetRequiredService<AlarmDetailReader>().ReadAsync(12345, Ct)).ShouldBeNull();
    }
}

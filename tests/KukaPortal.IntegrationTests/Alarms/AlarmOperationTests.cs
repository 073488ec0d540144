using System.Net;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Alarms;

public class AlarmOperationTests(PortalFactory portal) : AlarmTest(portal)
{
    [Fact]
    public async Task Acknowledging_twice_records_one_event()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();

        var first = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/acknowledge", new { comment = "Seen" }));
        var second = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/acknowledge", new { comment = "Seen again" }));

        first.Changed.ShouldBeTrue();
        second.Changed.ShouldBeFalse();
        second.State.ShouldBe("ActiveAcknowledged");
        (await EventsAsync(alarmId)).Select(e => (e.Kind, e.Comment)).ShouldBe([
            (AlarmEventKind.Raised, "K of N windows above threshold at window 2"),
            (AlarmEventKind.Acknowledged, "Seen"),
        ]);
    }

    [Fact]
    public async Task Classify_records_the_verdict_and_the_comment()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();

        var classified = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/classify", new { classification = "FalseAlarm", comment = "Door opened" }));
        var repeat = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/classify", new { classification = "FalseAlarm" }));

        classified.Classification.ShouldBe("FalseAlarm");
        classified.ClassifiedBy.ShouldBe(OperatorEmail);
        repeat.Changed.ShouldBeFalse();
        var alarm = await Portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == alarmId));
        alarm.Classification.ShouldBe(AlarmClassification.FalseAlarm);
        alarm.ClassifiedAt.ShouldNotBeNull();
        var classifiedEvent = (await EventsAsync(alarmId)).Where(e => e.Kind == AlarmEventKind.Classified).ShouldHaveSingleItem();
        classifiedEvent.ShouldBe((AlarmEventKind.Classified, AlarmState.ActiveUnacknowledged, AlarmState.ActiveUnacknowledged, OperatorEmail, "FalseAlarm: Door opened"));
    }

    [Fact]
    public async Task An_unknown_classification_is_400_naming_the_choices()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();

        var response = await PostAsync(session, $"/api/alarms/{alarmId}/classify", new { classification = "Spurious" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail
            .ShouldBe("classification must be one of TrueAnomaly, FalseAlarm, Maintenance, Unknown.");
    }

    [Fact]
    public async Task Priority_follows_the_peak_as_it_rises()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var jobId = Guid.NewGuid();

        var raised = (await StoreAsync(assetId, modelId, jobId, 0, ConditionChange.Raised, calibrated: 1.2)).ChangedAlarms.Single();
        var risen = (await StoreAsync(assetId, modelId, jobId, 3, ConditionChange.None, calibrated: 2.6)).ChangedAlarms.Single();
        var fallen = (await StoreAsync(assetId, modelId, jobId, 6, ConditionChange.None, calibrated: 1.6)).ChangedAlarms.Single();

        raised.Priority.ShouldBe(AlarmPriority.Low);
        risen.Priority.ShouldBe(AlarmPriority.High);
        fallen.Priority.ShouldBe(AlarmPriority.High);
        fallen.PeakCalibrated.ShouldBe(2.6);
    }

    [Fact]
    public async Task Events_of_a_missing_alarm_are_404()
    {
        using var session = await SignInAsAdminAsync();

        (await session.Client.GetAsync("/api/alarms/987654/events", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

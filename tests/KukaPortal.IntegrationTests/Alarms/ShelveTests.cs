using System.Net;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Alarms;

public class ShelveTests(PortalFactory portal) : AlarmTest(portal)
{
    [Fact]
    public async Task Shelve_and_unshelve_through_the_api_record_who_when_and_why()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();
        var before = DateTimeOffset.UtcNow;

        var shelved = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 30, reason = "Cable swap on axis 3" }));
        var again = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 90, reason = "Longer please" }));
        var unshelved = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/unshelve", new { comment = "Cable done" }));

        shelved.State.ShouldBe("Shelved");
        shelved.Changed.ShouldBeTrue();
        shelved.ShelveReason.ShouldBe("Cable swap on axis 3");
        shelved.ShelvedUntil!.Value.ShouldBeInRange(before.AddMinutes(30), DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(1));
        again.Changed.ShouldBeFalse();
        again.ShelvedUntil.ShouldBe(shelved.ShelvedUntil);
        // The condition is still on, so the alarm comes back unacknowledged.
        unshelved.State.ShouldBe("ActiveUnacknowledged");
        unshelved.ShelvedUntil.ShouldBeNull();

        var events = await session.Client.GetFromJsonAsync<List<AlarmEventView>>($"/api/alarms/{alarmId}/events", Ct);
        events.ShouldNotBeNull();
        events.Select(e => (e.Kind, e.FromState, e.ToState, e.User)).ShouldBe([
            ("Raised", "Normal", "ActiveUnacknowledged", null),
            ("Shelved", "ActiveUnacknowledged", "Shelved", OperatorEmail),
            ("Unshelved", "Shelved", "ActiveUnacknowledged", OperatorEmail),
        ]);
        events[1].Comment.ShouldEndWith("UTC: Cable swap on axis 3");
        events[2].Comment.ShouldBe("Cable done");
    }

    [Fact]
    public async Task Shelving_without_a_reason_is_400_with_the_rule()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();

        var response = await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 30, reason = " " });
        var noExpiry = await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { reason = "Cable swap" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail
            .ShouldBe("A reason is required to shelve an alarm (for example \"sensor cable being replaced\").");
        noExpiry.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noExpiry.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail.ShouldBe("Shelving needs an expiry: give minutes (for example 60).");
        (await EventsAsync(alarmId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_shelved_alarm_cannot_be_acknowledged()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();
        await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 5, reason = "Known" }));

        var response = await PostAsync(session, $"/api/alarms/{alarmId}/acknowledge", new { comment = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail.ShouldBe("A shelved alarm cannot be acknowledged; unshelve it first.");
    }

    [Fact]
    public async Task An_expired_shelve_returns_the_alarm_to_active_unacknowledged_while_its_condition_lasts()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();
        await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 1, reason = "Brief check" }));

        await ExpireShelveAsync(alarmId);
        var state = await WaitWhileShelvedAsync(alarmId);

        state.ShouldBe(AlarmState.ActiveUnacknowledged);
        var expiry = (await EventsAsync(alarmId)).Where(e => e.Kind == AlarmEventKind.Unshelved).ShouldHaveSingleItem();
        expiry.User.ShouldBeNull();
        expiry.Comment.ShouldBe($"Shelve expired (set by {OperatorEmail}: Brief check)");
    }

    [Fact]
    public async Task An_alarm_whose_condition_cleared_while_shelved_goes_to_normal_at_expiry()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var jobId = Guid.NewGuid();
        var alarmId = (await StoreAsync(assetId, modelId, jobId, 0, ConditionChange.Raised)).ChangedAlarms.Single().Id;
        using var session = await SignInAsOperatorAsync();
        await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 1, reason = "Known" }));
        await StoreAsync(assetId, modelId, jobId, 3, ConditionChange.Cleared);
        (await Portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == alarmId))).Status
            .ShouldBe(new AlarmStatus(AlarmState.Shelved, ConditionActive: false));

        await ExpireShelveAsync(alarmId);

        (await WaitWhileShelvedAsync(alarmId)).ShouldBe(AlarmState.Normal);
    }

    [Fact]
    public async Task A_condition_returning_while_shelved_stays_on_the_shelved_alarm()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var jobId = Guid.NewGuid();
        var alarmId = (await StoreAsync(assetId, modelId, jobId, 0, ConditionChange.Raised)).ChangedAlarms.Single().Id;
        using var session = await SignInAsOperatorAsync();
        await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 60, reason = "Known" }));
        await StoreAsync(assetId, modelId, jobId, 3, ConditionChange.Cleared);

        var again = await StoreAsync(assetId, modelId, jobId, 6, ConditionChange.Raised);

        again.ChangedAlarms.ShouldHaveSingleItem().Id.ShouldBe(alarmId);
        (await Portal.WithDbAsync(db => db.Alarms.CountAsync(a => a.AssetId == assetId, Ct))).ShouldBe(1);
        (await Portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == alarmId))).Status
            .ShouldBe(new AlarmStatus(AlarmState.Shelved, ConditionActive: true));
    }

    /// <summary>Moves the expiry into the past, as if the shelve's minutes had gone by.</summary>
    private Task ExpireShelveAsync(long alarmId) => Portal.WithDbAsync(db =>
        db.Alarms.Where(a => a.Id == alarmId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ShelvedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));

    /// <summary>Waits for the shelf-expiry service (polling every 0.2 s in tests) to act; gives up after 10 s.</summary>
    private async Task<AlarmState> WaitWhileShelvedAsync(long alarmId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var state = await Portal.WithDbAsync(db => db.Alarms.Where(a => a.Id == alarmId).Select(a => a.State).SingleAsync());
            if (state != AlarmState.Shelved || DateTime.UtcNow > deadline) return state;
            await Task.Delay(100, Ct);
        }
    }
}

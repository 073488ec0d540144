using System.Net;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Alarms;

/// <summary>Acknowledging several alarms at once: what was done and what was skipped, one event per alarm, and a repeat changes nothing.</summary>
public class BulkAcknowledgeTests(PortalFactory portal) : AlarmTest(portal)
{
    private sealed record Skipped(long AlarmId, string Reason);

    private sealed record BulkView(List<long> Acknowledged, List<Skipped> Skipped);

    [Fact]
    public async Task Acknowledges_what_needs_it_and_says_why_the_rest_was_skipped()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var first = await RaiseAsync(assetId, modelId);
        var second = await RaiseAsync(assetId, modelId);
        var alreadyAcknowledged = await RaiseAsync(assetId, modelId);
        var shelved = await RaiseAsync(assetId, modelId);
        using var session = await SignInAsOperatorAsync();
        (await PostAsync(session, $"/api/alarms/{alreadyAcknowledged}/acknowledge", new { comment = "Earlier" })).EnsureSuccessStatusCode();
        (await PostAsync(session, $"/api/alarms/{shelved}/shelve", new { minutes = 30, reason = "Sensor swap" })).EnsureSuccessStatusCode();

        var result = await session.ReadAsync<BulkView>(await PostAsync(session, "/api/alarms/acknowledge",
            new { alarmIds = new[] { second, first, alreadyAcknowledged, shelved, 999_999 }, comment = "Shift handover" }));

        result.Acknowledged.ShouldBe([first, second]);
        result.Skipped.ShouldBe([
            new Skipped(alreadyAcknowledged, "Already acknowledged."),
            new Skipped(shelved, "A shelved alarm cannot be acknowledged; unshelve it first."),
            new Skipped(999_999, "There is no such alarm."),
        ]);
        foreach (var id in new[] { first, second })
        {
            (await EventsAsync(id)).Where(e => e.Kind == AlarmEventKind.Acknowledged).ShouldHaveSingleItem()
                .ShouldBe((AlarmEventKind.Acknowledged, AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged, OperatorEmail, "Shift handover"));
        }
        (await EventsAsync(alreadyAcknowledged)).Count(e => e.Kind == AlarmEventKind.Acknowledged).ShouldBe(1);
        var states = await Portal.WithDbAsync(db => db.Alarms.OrderBy(a => a.Id).Select(a => new { a.Id, a.State, a.AcknowledgedBy }).ToListAsync());
        states.Single(a => a.Id == first).AcknowledgedBy.ShouldBe(OperatorEmail);
        states.Single(a => a.Id == shelved).State.ShouldBe(AlarmState.Shelved);
    }

    [Fact]
    public async Task A_repeat_is_skipped_whole_and_records_nothing()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var ids = new[] { await RaiseAsync(assetId, modelId), await RaiseAsync(assetId, modelId) };
        using var session = await SignInAsOperatorAsync();

        await session.ReadAsync<BulkView>(await PostAsync(session, "/api/alarms/acknowledge", new { alarmIds = ids, comment = "Seen" }));
        var events = await Portal.WithDbAsync(db => db.AlarmEvents.CountAsync());
        var repeat = await session.ReadAsync<BulkView>(await PostAsync(session, "/api/alarms/acknowledge", new { alarmIds = ids, comment = "Seen again" }));

        repeat.Acknowledged.ShouldBeEmpty();
        repeat.Skipped.Select(s => s.AlarmId).ShouldBe(ids);
        (await Portal.WithDbAsync(db => db.AlarmEvents.CountAsync())).ShouldBe(events);
    }

    [Fact]
    public async Task No_ids_is_400_with_a_sentence()
    {
        using var session = await SignInAsOperatorAsync();

        var response = await PostAsync(session, "/api/alarms/acknowledge", new { alarmIds = Array.Empty<long>() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail.ShouldBe("Name the alarms to acknowledge: alarmIds must hold at least one id.");
    }

    [Fact]
    public async Task Each_acknowledged_alarm_is_pushed_to_the_all_alarms_group()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var ids = new[] { await RaiseAsync(assetId, modelId), await RaiseAsync(assetId, modelId) };
        using var session = await SignInAsOperatorAsync();
        var pushed = new System.Collections.Concurrent.ConcurrentBag<long>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = session.CreateHubConnection();
        Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.On<KukaPortal.Web.Monitoring.AlarmChanged>(hub,
            nameof(KukaPortal.Web.Monitoring.IMonitoringClient.AlarmChanged), m => { pushed.Add(m.AlarmId); if (pushed.Count >= 2) both.TrySetResult(); });
        await hub.StartAsync(Ct);
        await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync(hub, nameof(KukaPortal.Web.Monitoring.MonitoringHub.JoinAlarms), Ct);

        await session.ReadAsync<BulkView>(await PostAsync(session, "/api/alarms/acknowledge", new { alarmIds = ids, comment = "Seen" }));
        await both.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        pushed.Order().ShouldBe(ids);
    }

    [Fact]
    public async Task A_manager_sees_the_alarm_pages_but_may_not_bulk_acknowledge()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync("Press for managers");
        var alarmId = await RaiseAsync(assetId, modelId);
        await Users.CreateAsync(Portal, "manager@test.local", "Manager-Password-1", KukaPortal.Web.Auth.PortalRoles.Manager);
        using var session = await PortalSession.SignInAsync(Portal, "manager@test.local", "Manager-Password-1");

        var list = await session.Client.GetStringAsync("/alarms", Ct);
        var detail = await session.Client.GetStringAsync($"/alarms/{alarmId}", Ct);
        var bulk = await PostAsync(session, "/api/alarms/acknowledge", new { alarmIds = new[] { alarmId }, comment = "No" });

        list.ShouldContain($"#{alarmId} Press for managers");
        detail.ShouldContain($"Alarm #{alarmId} on Press for managers");
        bulk.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EventsAsync(alarmId)).ShouldNotContain(e => e.Kind == AlarmEventKind.Acknowledged);
    }
}

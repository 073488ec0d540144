using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;

namespace KukaPortal.IntegrationTests.Alarms;

public class AlarmPushTests(PortalFactory portal) : AlarmTest(portal)
{
    [Fact]
    public async Task Shelving_pushes_the_new_state_and_expiry_to_the_assets_dashboards()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var alarmId = await RaiseAsync(assetId, modelId, calibrated: 2.0);
        using var session = await SignInAsOperatorAsync();
        var pushed = new TaskCompletionSource<AlarmChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = session.CreateHubConnection();
        hub.On<AlarmChanged>(nameof(IMonitoringClient.AlarmChanged), m => pushed.TrySetResult(m));
        await hub.StartAsync(Ct);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, Ct);

        var shelved = await session.ReadAsync<AlarmView>(await PostAsync(session, $"/api/alarms/{alarmId}/shelve", new { minutes = 15, reason = "Known drift" }));
        var message = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        message.AlarmId.ShouldBe(alarmId);
        message.State.ShouldBe("Shelved");
        message.Priority.ShouldBe("Medium");
        message.ShelvedUntil.ShouldBe(shelved.ShelvedUntil);
    }
}

using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>An operator works the alarm list: filters it, acknowledges two alarms at once, and reads one alarm's history.</summary>
public class AlarmsJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    private const string OperatorEmail = "operator@journey.local";
    private const string OperatorPassword = "Operator-Password-1";

    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Filter_bulk_acknowledge_and_read_the_history()
    {
        var press = await CreateAssetAsync("Press 4");
        var welder = await CreateAssetAsync("Welder 9");
        var now = DateTimeOffset.UtcNow;
        var first = await RaiseAsync(press, now.AddMinutes(-30), AlarmState.ActiveUnacknowledged);
        var second = await RaiseAsync(press, now.AddMinutes(-20), AlarmState.ActiveUnacknowledged);
        await RaiseAsync(press, now.AddMinutes(-10), AlarmState.Normal);
        var otherAsset = await RaiseAsync(welder, now.AddMinutes(-5), AlarmState.ActiveUnacknowledged);
        await Users.CreateAsync(portal, OperatorEmail, OperatorPassword, PortalRoles.Operator);

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(OperatorEmail, OperatorPassword);
            await page.GotoAsync("/alarms");
            await journey.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("alarm-count")).ToHaveTextAsync("4 alarms");
            await page.Locator("html[data-alarm-feed=joined]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

            // An alarm raised elsewhere while the list is open shows up without a reload (the hub's all-alarms group).
            var raisedMeanwhile = await RaiseAsync(welder, DateTimeOffset.UtcNow, AlarmState.ActiveUnacknowledged);
            await portal.Services.GetRequiredService<MonitoringNotifier>()
                .AlarmChangedAsync(await portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == raisedMeanwhile)));
            await Assertions.Expect(page.GetByTestId("alarm-count")).ToHaveTextAsync("5 alarms");

            await Choose(page, "Asset", "Press 4");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"asset={press}"));
            await Assertions.Expect(page.GetByTestId("alarm-count")).ToHaveTextAsync("3 alarms");
            await Choose(page, "State", "Active, unacknowledged");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"asset={press}&state=ActiveUnacknowledged"));
            await Assertions.Expect(page.GetByTestId("alarm-count")).ToHaveTextAsync("2 alarms");

            var rows = page.GetByTestId("alarm-table").Locator("tbody tr");
            await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
            await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge selected (2)" }).ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await dialog.GetByLabel("Comment").FillAsync("Die change, both expected");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("bulk-result")).ToHaveTextAsync("Acknowledged 2 alarms.");
            await Assertions.Expect(page.GetByTestId("alarm-count")).ToHaveTextAsync("0 alarms");

            // Back to the asset-only view (restored from the URL), then into the first alarm.
            await page.GoBackAsync();
            await Assertions.Expect(page.GetByTestId("alarm-count")).ToHaveTextAsync("3 alarms");
            await page.GetByRole(AriaRole.Link, new() { Name = $"#{first} Press 4" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = $"Alarm #{first} on Press 4" }).WaitForAsync();
            var acknowledged = page.GetByTestId("alarm-history").GetByTestId("history-entry").Filter(new() { HasText = "Acknowledged" });
            await Assertions.Expect(acknowledged).ToContainTextAsync(OperatorEmail);
            await Assertions.Expect(page.GetByTestId("alarm-history")).ToContainTextAsync("Die change, both expected");
            await Assertions.Expect(page.GetByTestId("acknowledged-by")).ToContainTextAsync(OperatorEmail);

            // The same actions as the list, from the alarm's page: classify, then shelve through the shelve dialog.
            await page.GetByRole(AriaRole.Button, new() { Name = "Classify alarm" }).ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("False alarm", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("alarm-classification")).ToHaveTextAsync($"False alarm (by {OperatorEmail})");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Shelve alarm {first}" }).ClickAsync();
            await dialog.GetByText("15 minutes").ClickAsync();
            await dialog.GetByLabel("Reason").FillAsync("Die change until noon");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Shelve", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("alarm-header").GetByTestId("alarm-state")).ToHaveTextAsync("Shelved");
            await Assertions.Expect(page.GetByTestId("alarm-history")).ToContainTextAsync("Die change until noon");
        });

        var events = await portal.WithDbAsync(db => db.AlarmEvents.Where(e => e.Kind == AlarmEventKind.Acknowledged).OrderBy(e => e.AlarmId).ToListAsync());
        events.Select(e => (e.AlarmId, e.User, e.Comment)).ShouldBe([
            (first, OperatorEmail, "Die change, both expected"),
            (second, OperatorEmail, "Die change, both expected"),
        ]);
        (await portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == otherAsset))).State.ShouldBe(AlarmState.ActiveUnacknowledged);
        var shelved = await portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.Id == first));
        shelved.State.ShouldBe(AlarmState.Shelved);
        shelved.ShelveReason.ShouldBe("Die change until noon");
        var shelvedAt = (await portal.WithDbAsync(db => db.AlarmEvents.SingleAsync(e => e.AlarmId == first && e.Kind == AlarmEventKind.Shelved))).At;
        (shelved.ShelvedUntil!.Value - shelvedAt).ShouldBeInRange(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1), "the 15-minute choice, rounded up to the second");
        shelved.Classification.ShouldBe(AlarmClassification.FalseAlarm);
        journey.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Opens a MudSelect by its label and picks an item from its list.</summary>
    private static async Task Choose(IPage page, string label, string item)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(item, new() { Exact = true }).ClickAsync();
    }

    private Task<int> CreateAssetAsync(string name) => portal.WithDbAsync(async db =>
    {
        var asset = new Asset { Name = name, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset.Id;
    });

    /// <summary>An alarm as the score writer would have left it, with its Raised event (no model needed: the list reads what is stored).</summary>
    private Task<long> RaiseAsync(int assetId, DateTimeOffset raisedAt, AlarmState state) => portal.WithDbAsync(async db =>
    {
        var alarm = new Alarm
        {
            AssetId = assetId, RunId = Guid.NewGuid(), State = state, ConditionActive = AlarmLifecycle.IsActive(state), RaisedAt = raisedAt,
            ReturnedAt = state == AlarmState.Normal ? raisedAt.AddMinutes(1) : null, PeakCalibrated = 2.0, Priority = AlarmPriority.Medium,
        };
        alarm.Events.Add(new AlarmEvent
        {
            Kind = AlarmEventKind.Raised, FromState = AlarmState.Normal, ToState = AlarmState.ActiveUnacknowledged, At = raisedAt,
            Comment = "K of N windows above threshold",
        });
        db.Alarms.Add(alarm);
        await db.SaveChangesAsync();
        return alarm.Id;
    });
}

using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Alarms;

/// <summary>The live chart's shading: alarm periods read from real alarm rows, raised and cleared by scored batches.</summary>
public class AlarmPeriodReaderTests(PortalFactory portal) : AlarmTest(portal)
{
    private AlarmPeriodReader Reader => Portal.Services.GetRequiredService<AlarmPeriodReader>();

    [Fact]
    public async Task Reads_cleared_and_active_alarms_that_overlap_the_range_and_leaves_out_the_rest()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var (otherAssetId, otherModelId) = await CreateAssetWithModelAsync("Other robot");
        var old = await RaiseAndClearAsync(assetId, modelId);
        await ShiftAsync(old, TimeSpan.FromHours(-2));
        var cleared = await RaiseAndClearAsync(assetId, modelId);
        var active = await RaiseAsync(assetId, modelId);
        await Portal.Services.GetRequiredService<AlarmStore>().AcknowledgeAsync(active, OperatorEmail, null, Ct);
        await RaiseAsync(otherAssetId, otherModelId);
        var rows = await Portal.WithDbAsync(db => db.Alarms.Where(a => a.AssetId == assetId).ToDictionaryAsync(a => a.Id));

        var lastHour = await Reader.ReadAsync(assetId, rows[cleared].RaisedAt.AddHours(-1), rows[active].RaisedAt.AddMinutes(1), Ct);

        lastHour.Select(p => p.AlarmId).ShouldBe([cleared, active]);
        lastHour[0].ShouldBe(new AlarmPeriod(cleared, rows[cleared].RaisedAt, rows[cleared].ReturnedAt.ShouldNotBeNull(), AlarmState.ReturnedUnacknowledged, Acknowledged: false));
        lastHour[1].ShouldBe(new AlarmPeriod(active, rows[active].RaisedAt, null, AlarmState.ActiveAcknowledged, Acknowledged: true));

        // Two hours back only the old alarm ran; the range ends before the others were raised.
        var earlier = await Reader.ReadAsync(assetId, rows[old].RaisedAt.AddMinutes(-1), rows[old].ReturnedAt!.Value.AddMinutes(1), Ct);
        earlier.ShouldHaveSingleItem().AlarmId.ShouldBe(old);
    }

    [Fact]
    public async Task An_alarm_still_on_overlaps_every_later_range_however_long_ago_it_was_raised()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var active = await RaiseAsync(assetId, modelId);
        await ShiftAsync(active, TimeSpan.FromDays(-1));
        var now = DateTimeOffset.UtcNow;

        var periods = await Reader.ReadAsync(assetId, now.AddMinutes(-5), now, Ct);

        var period = periods.ShouldHaveSingleItem();
        period.AlarmId.ShouldBe(active);
        period.ClearedAt.ShouldBeNull();
        period.Acknowledged.ShouldBeFalse();
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_with_both_times()
    {
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        var error = await Should.ThrowAsync<ArgumentException>(() => Reader.ReadAsync(1, now, now.AddMinutes(-5), Ct));

        error.Message.ShouldContain("from (2026-12-06T12:00:00.0000000+00:00) must not be after to (2026-12-06T11:55:00.0000000+00:00)");
    }

    private async Task<long> RaiseAndClearAsync(int assetId, int modelId)
    {
        var run = Guid.NewGuid();
        var raised = await StoreAsync(assetId, modelId, run, 0, ConditionChange.Raised);
        await StoreAsync(assetId, modelId, run, 3, ConditionChange.Cleared, calibrated: 0.4);
        return raised.ChangedAlarms.ShouldHaveSingleItem().Id;
    }

    /// <summary>Moves an alarm's raise (and clear) in time: alarms are stamped with the wall clock when stored.</summary>
    private Task ShiftAsync(long alarmId, TimeSpan by) => Portal.WithDbAsync(async db =>
    {
        var alarm = await db.Alarms.SingleAsync(a => a.Id == alarmId);
        alarm.RaisedAt += by;
        alarm.ReturnedAt += by;
        return await db.SaveChangesAsync();
    });
}

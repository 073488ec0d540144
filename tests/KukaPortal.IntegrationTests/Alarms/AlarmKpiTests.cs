using System.Net;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;

namespace KukaPortal.IntegrationTests.Alarms;

public class AlarmKpiTests(PortalFactory portal) : AlarmTest(portal)
{
    private static readonly DateTimeOffset From = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private const string Period = "from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z";

    [Fact]
    public async Task The_kpis_match_the_stored_alarms()
    {
        var a = await CreateAssetAsync("Robot A");
        var b = await CreateAssetAsync("Robot B");
        var ids = await InsertAsync(
            // Asset A: three raises within 40 s (chattering) and one more that is still active (stale by now).
            Alarm(a, From, AlarmState.Normal, ackAfter: 30, AlarmClassification.FalseAlarm),
            Alarm(a, From.AddSeconds(20), AlarmState.Normal, ackAfter: null, AlarmClassification.TrueAnomaly),
            Alarm(a, From.AddSeconds(40), AlarmState.Normal, ackAfter: null, AlarmClassification.FalseAlarm),
            Alarm(a, From.AddMinutes(30), AlarmState.ActiveUnacknowledged, ackAfter: null, AlarmClassification.Unknown),
            // Asset B: one annunciated alarm, one raised while out of service (no load).
            Alarm(b, From.AddMinutes(5), AlarmState.Normal, ackAfter: 90, null),
            Alarm(b, From.AddMinutes(6), AlarmState.OutOfService, ackAfter: null, null, raisedInto: AlarmState.OutOfService),
            // Outside the period: one after it (ignored), one before it still active (stale, but no load).
            Alarm(b, From.AddMinutes(90), AlarmState.Normal, ackAfter: 10, AlarmClassification.FalseAlarm),
            Alarm(b, From.AddDays(-1), AlarmState.ActiveAcknowledged, ackAfter: 5, null));
        await Users.CreateAsync(Portal, "manager@test.local", "Manager-Password-1", PortalRoles.Manager);
        using var manager = await PortalSession.SignInAsync(Portal, "manager@test.local", "Manager-Password-1");

        var kpis = (await manager.Client.GetFromJsonAsync<KpiView>($"/api/alarms/kpis?{Period}", Ct))!;

        kpis.TotalAlarms.ShouldBe(5);
        kpis.AlarmsPer10Minutes.ShouldBe(5 / 6.0, 1e-9);
        kpis.PerAsset.Select(p => (p.AssetId, p.Alarms)).ShouldBe([(a, 4), (b, 1)]);
        kpis.PerAsset[0].AlarmsPer10Minutes.ShouldBe(4 / 6.0, 1e-9);
        kpis.Floods.ShouldBeEmpty();
        kpis.Chattering.ShouldHaveSingleItem().ShouldBe(new ChatterView(a, 3, From.AddSeconds(40)));
        kpis.StaleAlarmIds.ShouldBe([ids[3], ids[7]], ignoreOrder: true);
        kpis.Acknowledged.ShouldBe(2);
        kpis.MeanSecondsToAcknowledge.ShouldBe(60);
        kpis.MaxSecondsToAcknowledge.ShouldBe(90);
        kpis.TopOffenders.Select(o => o.AssetId).ShouldBe([a, b]);
        kpis.Classified.ShouldBe(3); // Unknown is no verdict
        kpis.FalseAlarms.ShouldBe(2);
        kpis.FalseAlarmRatio!.Value.ShouldBe(2 / 3.0, 1e-9);
    }

    [Fact]
    public async Task Operators_may_not_read_the_kpis_and_a_backwards_period_is_400()
    {
        using var session = await SignInAsOperatorAsync();
        using var admin = await SignInAsAdminAsync();

        (await session.Client.GetAsync($"/api/alarms/kpis?{Period}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var backwards = await admin.Client.GetAsync("/api/alarms/kpis?from=2026-01-05T11:00:00Z&to=2026-01-05T10:00:00Z", Ct);
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail.ShouldBe("from must be before to.");
    }

    private static Alarm Alarm(int assetId, DateTimeOffset raisedAt, AlarmState state, int? ackAfter, AlarmClassification? classification,
        AlarmState raisedInto = AlarmState.ActiveUnacknowledged)
    {
        var alarm = new Alarm
        {
            AssetId = assetId, State = state, ConditionActive = state is AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged,
            RaisedAt = raisedAt, PeakCalibrated = 1.2, AcknowledgedAt = ackAfter is { } s ? raisedAt.AddSeconds(s) : null,
            Classification = classification,
        };
        alarm.Events.Add(new AlarmEvent { Kind = AlarmEventKind.Raised, FromState = AlarmState.Normal, ToState = raisedInto, At = raisedAt });
        return alarm;
    }

    private Task<List<long>> InsertAsync(params Alarm[] alarms) => Portal.WithDbAsync(async db =>
    {
        db.Alarms.AddRange(alarms);
        await db.SaveChangesAsync();
        return alarms.Select(a => a.Id).ToList();
    });

    private sealed record KpiView(
        int TotalAlarms, double AlarmsPer10Minutes, List<AssetCountView> PerAsset, List<FloodView> Floods, List<ChatterView> Chattering,
        List<long> StaleAlarmIds, int Acknowledged, double? MeanSecondsToAcknowledge, double? MaxSecondsToAcknowledge,
        List<AssetCountView> TopOffenders, int Classified, int FalseAlarms, double? FalseAlarmRatio);

    private sealed record AssetCountView(int AssetId, int Alarms, double AlarmsPer10Minutes);

    private sealed record FloodView(DateTimeOffset Start, DateTimeOffset End, int Alarms);

    private sealed record ChatterView(int AssetId, int MostRaisesInWindow, DateTimeOffset FirstDetectedAt);
}

using System.Net;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.History;

public class HistoryExportTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly DateTimeOffset From = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(-1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Period => $"range=custom&from={From:yyyy-MM-ddTHH:mm:ssZ}&to={From.AddHours(6):yyyy-MM-ddTHH:mm:ssZ}";

    [Fact]
    public async Task The_alarms_csv_holds_the_range_s_alarms_of_the_asset_quoted_as_RFC_4180_says()
    {
        var asset = await CreateAssetAsync("Robot \"Seven\", cell 3");
        var other = await CreateAssetAsync("Other robot");
        var ids = await InsertAlarmsAsync(
            Alarm(asset, From.AddHours(1), ackAfterSeconds: 42, AlarmClassification.FalseAlarm, acknowledgedBy: "ann@plant"),
            Alarm(asset, From.AddHours(2).AddMilliseconds(250), ackAfterSeconds: null, null),
            Alarm(asset, From.AddHours(7), ackAfterSeconds: null, null), // after the range
            Alarm(other, From.AddHours(1), ackAfterSeconds: null, null)); // another asset
        using var manager = await SignInAsManagerAsync();

        var response = await manager.Client.GetAsync($"/api/history/alarms.csv?asset={asset}&{Period}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("alarms-asset");
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.Split("\r\n").ShouldBe([
            "id,asset_id,asset,raised_at,cleared_at,priority,state,classification,acknowledged_at,acknowledged_by,seconds_to_acknowledge,peak_calibrated",
            $"{ids[1]},{asset},\"Robot \"\"Seven\"\", cell 3\",{Iso(From.AddHours(2).AddMilliseconds(250))},,High,ActiveUnacknowledged,,,,,2.75",
            $"{ids[0]},{asset},\"Robot \"\"Seven\"\", cell 3\",{Iso(From.AddHours(1))},{Iso(From.AddHours(1).AddMinutes(5))},High,ActiveUnacknowledged,FalseAlarm,{Iso(From.AddHours(1).AddSeconds(42))},ann@plant,42,2.75",
            "",
        ]);
    }

    [Fact]
    public async Task The_scores_csv_says_which_level_its_rows_come_from()
    {
        var asset = await CreateAssetAsync("Scored robot");
        var model = await CreateModelRowAsync(asset, window: 10);
        var windows = Enumerable.Range(0, 5).Select(i => new ScoredWindow(i, i, i + 1, i, i + 1, 0.5, 0.25 * i, false, From.AddHours(1).AddSeconds(i))).ToList();
        await Portal.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(asset, Guid.NewGuid(), model, windows, []), Ct);
        using var manager = await SignInAsManagerAsync();

        var raw = (await manager.Client.GetStringAsync($"/api/history/scores.csv?asset={asset}&{Period}", Ct)).Split("\r\n");
        var hourly = (await manager.Client.GetStringAsync($"/api/history/scores.csv?asset={asset}&range=1y", Ct)).Split("\r\n");

        raw[0].ShouldBe("at,level,bucket_seconds,windows,windows_above_threshold,mean_calibrated,min_calibrated,max_calibrated");
        raw[1..^1].ShouldBe(windows.Select(w => $"{Iso(w.At)},raw,0,1,0,{w.Calibrated:R},{w.Calibrated:R},{w.Calibrated:R}"));
        hourly[1..^1].ShouldBe([$"{Iso(From.AddHours(1))},hour,3600,5,0,0.5,0,1"]);
    }

    [Fact]
    public async Task Operators_get_403_and_a_bad_range_or_missing_asset_is_explained()
    {
        await Users.CreateAsync(Portal, "operator@test.local", "Operator-Password-1", PortalRoles.Operator);
        using var operatorSession = await PortalSession.SignInAsync(Portal, "operator@test.local", "Operator-Password-1");
        using var manager = await SignInAsManagerAsync();

        (await operatorSession.Client.GetAsync("/api/history/alarms.csv", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operatorSession.Client.GetAsync("/api/history/scores.csv?asset=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var badRange = await manager.Client.GetAsync("/api/history/alarms.csv?range=2w", Ct);
        badRange.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badRange.Content.ReadAsStringAsync(Ct)).ShouldContain("range must be one of 24h, 7d, 30d, 1y or custom");
        var noAsset = await manager.Client.GetAsync("/api/history/scores.csv?range=24h", Ct);
        noAsset.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noAsset.Content.ReadAsStringAsync(Ct)).ShouldContain("asset is required");
    }

    private static string Iso(DateTimeOffset t) => KukaPortal.Web.History.HistoryRange.Iso(t);

    private async Task<PortalSession> SignInAsManagerAsync()
    {
        await Users.CreateAsync(Portal, "manager@test.local", "Manager-Password-1", PortalRoles.Manager);
        return await PortalSession.SignInAsync(Portal, "manager@test.local", "Manager-Password-1");
    }

    private static Alarm Alarm(int assetId, DateTimeOffset raisedAt, int? ackAfterSeconds, AlarmClassification? classification, string? acknowledgedBy = null)
    {
        var alarm = new Alarm
        {
            AssetId = assetId, State = AlarmState.ActiveUnacknowledged, ConditionActive = true, RaisedAt = raisedAt, PeakCalibrated = 2.75,
            Priority = AlarmPriority.High, AcknowledgedAt = ackAfterSeconds is { } s ? raisedAt.AddSeconds(s) : null, AcknowledgedBy = acknowledgedBy,
            Classification = classification, ReturnedAt = ackAfterSeconds is null ? null : raisedAt.AddMinutes(5),
        };
        alarm.Events.Add(new AlarmEvent { Kind = AlarmEventKind.Raised, FromState = AlarmState.Normal, ToState = AlarmState.ActiveUnacknowledged, At = raisedAt });
        return alarm;
    }

    private Task<List<long>> InsertAlarmsAsync(params Alarm[] alarms) => Portal.WithDbAsync(async db =>
    {
        db.Alarms.AddRange(alarms);
        await db.SaveChangesAsync();
        return alarms.Select(a => a.Id).ToList();
    });
}

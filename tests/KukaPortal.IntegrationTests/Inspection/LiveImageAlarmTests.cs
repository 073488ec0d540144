using KukaPortal.Data.Entities;
using KukaPortal.Web.Inspection;
using KukaPortal.Web.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>Verdicts and alarms of live pictures: the K-of-N rule over pictures in order, rule and threshold changes on the next picture, image runs outside the stream host.</summary>
public class LiveImageAlarmTests(PortalFactory portal, TinyImageModel model) : LiveImageTest(portal, model), IClassFixture<TinyImageModel>
{
    private async Task<LiveImageResult> SendAsync(int assetId, string key, byte[] picture) => await ScoredAsync(await PostAsync(assetId, key, picture));

    [Fact]
    public async Task Two_defective_pictures_of_the_last_three_raise_one_alarm_and_a_restarted_scorer_remembers_the_decisions()
    {
        var (assetId, key) = await StationAsync(k: 2, n: 3);

        (await SendAsync(assetId, key, Model.CleanPngs[0])).AlarmRaised.ShouldBeFalse();
        var first = await SendAsync(assetId, key, Model.DefectPngs[0]);
        (first.Verdict, first.AlarmRaised, first.AlarmActive).ShouldBe(("defect", false, false));
        // A scorer that has not seen this station (as after a restart) rebuilds the rule from the stored decisions.
        var restarted = ActivatorUtilities.CreateInstance<LiveImageScorer>(Portal.Services);
        var second = await restarted.ScoreAsync(assetId, Model.DefectPngs[1], "after-restart.png", null, Ct);

        (second.Verdict, second.AlarmRaised, second.AlarmActive).ShouldBe(("defect", true, true));
        var alarm = await Portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.AssetId == assetId, Ct));
        (alarm.Id, alarm.RunId, alarm.ConditionActive).ShouldBe((second.AlarmId!.Value, second.RunId, true));
        (await SendAsync(assetId, key, Model.DefectPngs[2])).AlarmRaised.ShouldBeFalse("the alarm is already active");
        (await Portal.WithDbAsync(db => db.Alarms.CountAsync(Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task A_changed_alarm_rule_applies_to_the_next_picture_with_the_decisions_already_stored()
    {
        var (assetId, key) = await StationAsync(k: 3, n: 3);
        (await SendAsync(assetId, key, Model.DefectPngs[0])).AlarmRaised.ShouldBeFalse();
        (await SendAsync(assetId, key, Model.CleanPngs[0])).AlarmRaised.ShouldBeFalse();

        await Portal.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AlarmOnDelayK, 2).SetProperty(a => a.AlarmOnDelayN, 3), Ct));
        var next = await SendAsync(assetId, key, Model.DefectPngs[1]);

        // 2 of the last 3 (defect, ok, defect): an alarm under the new rule, none under the old one (3 of 3) or a rule
        // that forgot the first picture.
        (next.Verdict, next.AlarmRaised).ShouldBe(("defect", true));
        (await Portal.WithDbAsync(db => db.Alarms.CountAsync(a => a.AssetId == assetId, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task A_threshold_override_changes_the_verdict_of_the_next_picture()
    {
        var (assetId, key) = await StationAsync();
        var before = await SendAsync(assetId, key, Model.CleanPngs[0]);
        before.Verdict.ShouldBe("ok");

        var lower = before.Score / 2;
        await Portal.WithDbAsync(db => db.Models.Where(m => m.AssetId == assetId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ThresholdOverride, lower), Ct));
        var after = await SendAsync(assetId, key, Model.CleanPngs[0]);

        (after.Verdict, after.Threshold).ShouldBe(("defect", lower));
        after.Score.ShouldBe(before.Score, 1e-6);
        (await WindowsAsync(assetId)).Select(w => w.AboveThreshold).ShouldBe([false, true]);
    }

    [Fact]
    public async Task The_stream_host_leaves_image_runs_alone()
    {
        var (assetId, key) = await StationAsync();
        var scored = await SendAsync(assetId, key, Model.CleanPngs[0]);
        var run = await Portal.WithDbAsync(db => db.StreamRuns.SingleAsync(r => r.Id == scored.RunId, Ct));
        (run.Source, run.State).ShouldBe((StreamSource.Images, StreamRunState.Running));

        var store = Portal.Services.GetRequiredService<StreamRunStore>();
        (await store.AssetsWithStreamsAsync(Ct)).ShouldNotContain(assetId);
        (await store.LoadActiveAsync(assetId, Ct)).Runs.ShouldBeEmpty();
    }
}

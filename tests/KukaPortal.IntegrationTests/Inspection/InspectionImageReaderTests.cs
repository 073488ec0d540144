using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Web.Inspection;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>The inspection view's query over stored images and their windows: latest, worst, verdict, label, range and paging.</summary>
public class InspectionImageReaderTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);

    private InspectionImageReader Reader => Portal.Services.GetRequiredService<InspectionImageReader>();

    [Fact]
    public async Task Latest_lists_the_newest_images_first_and_pages_through_all_of_them_once()
    {
        var (assetId, _) = await SeedAsync();

        var first = await Reader.ReadAsync(new InspectionImageQuery(assetId, PageSize: 4), Ct);
        first.Total.ShouldBe(10);
        // The recent run was stored last, so its images hold the highest sequence numbers: newest first.
        first.Rows.Select(r => r.Name).ShouldBe(["recent-5.png", "recent-4.png", "recent-3.png", "recent-2.png"]);
        first.Rows.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Descending);

        var all = new List<InspectionImageRow>();
        for (var page = 0; page < 3; page++)
            all.AddRange((await Reader.ReadAsync(new InspectionImageQuery(assetId, Page: page, PageSize: 4), Ct)).Rows);
        all.Count.ShouldBe(10);
        all.Select(r => (r.RunId, r.WindowIndex)).Distinct().Count().ShouldBe(10);
    }

    [Fact]
    public async Task Worst_orders_by_calibrated_score_and_carries_each_window_score()
    {
        var (assetId, modelId) = await SeedAsync();

        var worst = await Reader.ReadAsync(new InspectionImageQuery(assetId, InspectionOrder.Worst, PageSize: 3), Ct);

        worst.Rows.Select(r => r.Name).ShouldBe(["old-3.png", "recent-5.png", "week-1.png"]);
        var top = worst.Rows[0];
        top.Calibrated.ShouldBe(3.0);
        top.Score.ShouldBe(0.3, 1e-12);
        top.Threshold.ShouldBe(0.1, 1e-12);
        top.AboveThreshold.ShouldBeTrue();
        top.ModelId.ShouldBe(modelId);
        top.Label.ShouldBe("hole");
        top.FromSet.ShouldBeFalse();
    }

    [Fact]
    public async Task The_verdict_label_and_range_filters_narrow_the_list_and_its_count()
    {
        var (assetId, _) = await SeedAsync();

        var defects = await Reader.ReadAsync(new InspectionImageQuery(assetId, Verdict: InspectionVerdict.Defect), Ct);
        defects.Rows.ShouldAllBe(r => r.AboveThreshold);
        defects.Total.ShouldBe(4);
        var ok = await Reader.ReadAsync(new InspectionImageQuery(assetId, Verdict: InspectionVerdict.Ok), Ct);
        ok.Rows.ShouldAllBe(r => !r.AboveThreshold);
        ok.Total.ShouldBe(6);

        var holes = await Reader.ReadAsync(new InspectionImageQuery(assetId, Label: "hole"), Ct);
        holes.Rows.Select(r => r.Name).Order().ShouldBe(["old-3.png", "recent-5.png"]);

        var lastDay = await Reader.ReadAsync(new InspectionImageQuery(assetId, Range: InspectionRange.Last24Hours), Ct);
        lastDay.Rows.ShouldAllBe(r => r.Name.StartsWith("recent"));
        lastDay.Total.ShouldBe(5);
        var lastWeek = await Reader.ReadAsync(new InspectionImageQuery(assetId, Range: InspectionRange.Last7Days), Ct);
        lastWeek.Total.ShouldBe(7);
        lastWeek.Rows.ShouldNotContain(r => r.Name.StartsWith("old"));

        var recentDefects = await Reader.ReadAsync(new InspectionImageQuery(assetId, InspectionOrder.Worst, InspectionVerdict.Defect, InspectionRange.Last24Hours), Ct);
        recentDefects.Rows.Select(r => r.Name).ShouldBe(["recent-5.png", "recent-4.png"]);

        (await Reader.LabelsAsync(assetId, Ct)).ShouldBe(["good", "hole", "stain"]);
    }

    [Fact]
    public async Task Another_assets_images_never_show_and_a_bad_page_is_refused()
    {
        var (assetId, _) = await SeedAsync();
        var otherId = await CreateAssetAsync("Inspection station 2");

        (await Reader.ReadAsync(new InspectionImageQuery(otherId), Ct)).Total.ShouldBe(0);
        var someone = (await Reader.ReadAsync(new InspectionImageQuery(assetId, PageSize: 1), Ct)).Rows[0];
        (await Reader.FindAsync(otherId, someone.RunId, someone.WindowIndex, Ct)).ShouldBeNull();
        (await Reader.FindAsync(assetId, someone.RunId, someone.WindowIndex, Ct)).ShouldBe(someone);

        (await Should.ThrowAsync<ArgumentException>(() => Reader.ReadAsync(new InspectionImageQuery(assetId, PageSize: 0), Ct)))
            .Message.ShouldContain("1 to 200 images");
        (await Should.ThrowAsync<ArgumentException>(() => Reader.ReadAsync(new InspectionImageQuery(assetId, Page: -1), Ct)))
            .Message.ShouldContain("cannot be negative");
    }

    /// <summary>
    /// Ten images in three runs, threshold 0.1: three scored ten days ago, two three days ago, five in the last hour.
    /// Calibrated scores and labels are chosen so every order and filter has one right answer.
    /// </summary>
    private async Task<(int AssetId, int ModelId)> SeedAsync()
    {
        var assetId = await Portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Inspection station 1", Kind = AssetKind.InspectionStation, CreatedAt = Now, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        var modelId = await CreateModelRowAsync(assetId, window: 1);

        await PublishAsync(assetId, modelId, "old", Now.AddDays(-10), [(0.5, "good"), (0.7, "good"), (3.0, "hole")]);
        await PublishAsync(assetId, modelId, "week", Now.AddDays(-3), [(2.0, "stain"), (0.2, "good")]);
        await PublishAsync(assetId, modelId, "recent", Now.AddHours(-1), [(0.1, "good"), (0.3, "good"), (0.9, "good"), (1.5, "stain"), (2.5, "hole")]);
        return (assetId, modelId);
    }

    private async Task PublishAsync(int assetId, int modelId, string prefix, DateTimeOffset start, (double Calibrated, string Label)[] images)
    {
        var windows = images.Select((image, i) => new ScoredWindow(
            i, i, i + 1, i + 1, i + 1, image.Calibrated * 0.1, image.Calibrated, image.Calibrated >= 1, start.AddSeconds(i + 1))).ToList();
        var inspected = images.Select((image, i) => new InspectedImage(
            i, $"{prefix}-{i + 1}.png", image.Label, start.AddSeconds(i + 1), BlobKey: $"inspection/{assetId}/{prefix}-{i + 1}.png")).ToList();
        await Portal.Services.GetRequiredService<ScoreBatchPublisher>()
            .PublishAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, [], inspected), Ct);
    }
}

using KukaPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>The demo's inspection feed, run by hand (the factory turns the demo off) with a short interval.</summary>
public class InspectionDemoFeedTests(PortalFactory portal, TinyImageModel model) : LiveImageTest(portal, model), IClassFixture<TinyImageModel>
{
    private static readonly DemoOptions Demo = new()
    {
        Enabled = true, Seed = 5, PollInterval = TimeSpan.FromMilliseconds(100), InspectionInterval = TimeSpan.FromMilliseconds(100),
    };

    private InspectionDemoFeed NewFeed() => ActivatorUtilities.CreateInstance<InspectionDemoFeed>(Portal.Services, Options.Create(Demo));

    [Fact]
    public async Task The_feed_waits_for_a_model_then_sends_simulated_pictures_and_continues_the_sequence_after_a_restart()
    {
        var (assetId, _) = await StationAsync(withModel: false, name: Demo.InspectionStationName);
        var feed = NewFeed();
        await feed.StartAsync(Ct);
        // Without a model there is nothing to score with; the feed keeps polling and sends nothing.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        (await ImagesAsync(assetId)).ShouldBeEmpty();
        feed.ExecuteTask.ShouldNotBeNull().IsCompleted.ShouldBeFalse();

        await ActivateModelAsync(assetId);
        await WaitUntilAsync(async () => (await ImagesAsync(assetId)).Count >= 3, TimeSpan.FromSeconds(30), "three demo pictures");
        await feed.StopAsync(Ct);
        feed.ExecuteTask!.IsCompletedSuccessfully.ShouldBeTrue();
        var stopped = (await ImagesAsync(assetId)).Count;

        var restarted = NewFeed();
        await restarted.StartAsync(Ct);
        await WaitUntilAsync(async () => (await ImagesAsync(assetId)).Count >= stopped + 2, TimeSpan.FromSeconds(30), "two more demo pictures");
        await restarted.StopAsync(Ct);

        var images = await ImagesAsync(assetId);
        images.Select(i => i.RunId).Distinct().ShouldHaveSingleItem();
        images.Select(i => i.WindowIndex).ShouldBe(Enumerable.Range(0, images.Count));
        images.Select(i => i.Name).ShouldBe(Enumerable.Range(0, images.Count).Select(n => $"demo-{n:D6}.png"));
        images.Select(i => i.Label).ShouldBe(Enumerable.Range(0, images.Count).Select(n => DemoInspectionImages.Render(Demo.Seed, n).Key.Label));
        (await Portal.WithDbAsync(db => db.WindowScores.CountAsync(w => w.AssetId == assetId, Ct))).ShouldBe(images.Count);
    }

    [Fact]
    public void The_demo_pictures_are_the_same_for_a_seed_and_about_one_in_eight_has_a_defect()
    {
        var pictures = Enumerable.Range(0, 160).Select(n => DemoInspectionImages.Render(7, n)).ToArray();

        DemoInspectionImages.Render(7, 37).Image.Pixels.ShouldBe(pictures[37].Image.Pixels);
        DemoInspectionImages.Render(8, 37).Image.Pixels.ShouldNotBe(pictures[37].Image.Pixels);
        pictures.ShouldAllBe(p => p.Image.Channels == 1 && p.Image.Width == 64);
        pictures.Count(p => p.Mask != null).ShouldBeInRange(8, 40);
        pictures.Where(p => p.Mask != null).Select(p => p.Key.Label).Distinct().Count().ShouldBeGreaterThan(1);
    }
}

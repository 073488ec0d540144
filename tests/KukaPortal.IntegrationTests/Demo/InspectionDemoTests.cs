using KukaPortal.Data.Entities;
using KukaPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KukaPortal.IntegrationTests.Demo;

/// <summary>The demo's inspection station, stepped by hand on a smaller set and a shorter training than the shipped defaults.</summary>
public class InspectionDemoTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_demo_creates_its_station_once_imports_the_simulated_set_trains_and_scores_its_test_images()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new DemoOptions { Enabled = true, InspectionTrainImages = 40, InspectionIterations = 40 };
        var seeder = ActivatorUtilities.CreateInstance<InspectionDemoSeeder>(Portal.Services, Options.Create(options));

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (!await seeder.StepAsync(ct))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The inspection demo did not reach its scoring job.");
            await Task.Delay(250, ct);
        }

        var station = await Portal.WithDbAsync(db => db.Assets.Include(a => a.ActiveModel).SingleAsync(a => a.Name == "Inspection station 1", ct));
        station.Kind.ShouldBe(AssetKind.InspectionStation);
        station.ActiveModel.ShouldNotBeNull().Family.ShouldBe("conv-ae-2d");
        var recordings = await Portal.WithDbAsync(db => db.Recordings.Where(r => r.AssetId == station.Id).OrderBy(r => r.Id).ToListAsync(ct));
        recordings.Select(r => (r.FileName, r.Purpose, r.Rows, r.Channels.Single())).ShouldBe(
            [($"{InspectionDemoSeeder.SetFile}/train", RecordingPurpose.Normal, 40, "grey"), ($"{InspectionDemoSeeder.SetFile}/test", RecordingPurpose.Scoring, 4 + 4 * 3, "grey")]);
        var scoring = await Portal.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Kind == JobKind.ScoreImages, ct));
        scoring.RecordingId.ShouldBe(recordings[1].Id);

        (await seeder.StepAsync(ct)).ShouldBeTrue();
        (await Portal.WithDbAsync(db => db.Assets.CountAsync(ct))).ShouldBe(1);
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(ct))).ShouldBe(2);
        (await Portal.WithDbAsync(db => db.Jobs.OrderBy(j => j.CreatedAt).Select(j => j.Kind).ToListAsync(ct))).ShouldBe([JobKind.TrainImages, JobKind.ScoreImages]);
    }
}

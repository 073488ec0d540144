using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using KukaPortal.Web.Reconstruction;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Reconstruction;

/// <summary>Train, score through the real job path, then ask for a stored window's reconstruction.</summary>
public class WindowReconstructionTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_window_is_reconstructed_with_its_stored_score_and_the_disturbed_channel_first()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await TrainOnNormalDataAsync(session, assetId);

        // Only axis3 is pushed off its motion, in rows 800..815: window 50 at W = 16.
        var scoringId = await UploadAsync(session, assetId, DisturbOneChannel(RobotCsv.Normal(rows: 1600, seed: 5), channel: 2, fromRow: 800, rows: 16), "scoring", "axis3.csv");
        var scoring = await RunJobAsync(session, assetId, "score", scoringId, TimeSpan.FromMinutes(2));
        scoring.State.ShouldBe("Succeeded", scoring.Error);

        var stored = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == scoring.Id && (w.WindowIndex == 50 || w.WindowIndex == 10)).OrderBy(w => w.WindowIndex).ToListAsync());
        var model = await Portal.WithDbAsync(db => db.Models.SingleAsync(m => m.Id == scoring.ModelId));
        stored.Count.ShouldBe(2);
        stored[1].AboveThreshold.ShouldBeTrue();

        var cache = Portal.Services.GetRequiredService<DetectorCache>();
        var loadsBefore = cache.Loads;
        var views = new List<WindowReconstructionView>();
        foreach (var window in stored)
        {
            var view = await session.Client.GetFromJsonAsync<WindowReconstructionView>(
                $"/api/assets/{assetId}/runs/{scoring.Id}/windows/{window.WindowIndex}/reconstruction", Ct);

            view.ShouldNotBeNull();
            views.Add(view);
            view.ModelId.ShouldBe(model.Id);
            view.Window.ShouldBe(model.Window);
            view.Channels.Select(c => c.Name).Order().ShouldBe(model.ChannelNames.ShouldNotBeNull().Order());
            view.Seconds.Length.ShouldBe(model.Window);
            view.Channels.ShouldAllBe(c => c.Input.Length == model.Window && c.Reconstruction.Length == model.Window);
            // The honest check that this is the stored window and its model: the mean squared difference of the
            // drawn curves (channels × time, scaled units) is the score that scoring stored for it.
            var recomputed = view.Channels.SelectMany(c => c.Input.Zip(c.Reconstruction, (x, y) => Math.Pow(x - y, 2))).Average();
            recomputed.ShouldBe(window.Score, 1e-4 * Math.Max(1, window.Score));
            view.Score.ShouldBe(window.Score, 1e-5 * Math.Max(1, window.Score));
            view.Calibrated.ShouldBe(window.Calibrated, 1e-5 * Math.Max(1, window.Calibrated));
            view.StartSeconds.ShouldBe(window.StartSeconds);
        }

        var anomalous = await session.Client.GetFromJsonAsync<WindowReconstructionView>(
            $"/api/assets/{assetId}/runs/{scoring.Id}/windows/50/reconstruction", Ct);
        anomalous!.Channels[0].Name.ShouldBe("axis3_current");
        anomalous.AboveThreshold.ShouldBeTrue();

        // Three reconstructions read no model file: the score job left its detector in the portal's cache (no
        // threshold override, so the same entry); the cached detector gives the very same answer.
        (cache.Loads - loadsBefore).ShouldBe(0);
        anomalous.Score.ShouldBe(views[1].Score);
        anomalous.Channels.SelectMany(c => c.Reconstruction).ShouldBe(views[1].Channels.SelectMany(c => c.Reconstruction));

        var unknown = await session.Client.GetAsync($"/api/assets/{assetId}/runs/{scoring.Id}/windows/5000/reconstruction", Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("has no stored window 5000");
    }

    private static string DisturbOneChannel(string csv, int channel, int fromRow, int rows)
    {
        var lines = csv.Split('\n');
        for (var r = fromRow; r < fromRow + rows; r++)
        {
            var cells = lines[r + 1].Split(',');                  // line 0 is the header
            var column = channel + 1;                              // column 0 is the timestamp
            cells[column] = (double.Parse(cells[column], CultureInfo.InvariantCulture) + 3.0).ToString("G6", CultureInfo.InvariantCulture);
            lines[r + 1] = string.Join(',', cells);
        }
        return string.Join('\n', lines);
    }
}

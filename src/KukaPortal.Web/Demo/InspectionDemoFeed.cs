using KukaPortal.Core.Images;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Inspection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Demo;

/// <summary>
/// Plays the demo's inspection station: once the station (<see cref="DemoOptions.InspectionStationName"/>) has an
/// active model, sends it one simulated picture every <see cref="DemoOptions.InspectionInterval"/> through the same
/// <see cref="LiveImageScorer"/> a real station's posts go through. Pictures are numbered by the station's run, so
/// after a restart the feed continues the run and the sequence where they stopped.
/// </summary>
public sealed class InspectionDemoFeed(
    IDbContextFactory<PortalDbContext> dbFactory, LiveImageRuns runs, LiveImageScorer scorer, IOptions<DemoOptions> options, TimeProvider time,
    ILogger<InspectionDemoFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = demo.PollInterval;
            try
            {
                if (await ReadyStationAsync(demo.InspectionStationName, stoppingToken) is { } stationId)
                {
                    await SendNextAsync(stationId, demo.Seed, stoppingToken);
                    wait = demo.InspectionInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The demo inspection feed could not send an image; trying again shortly");
            }
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The demo station's id once it has a model to score with; null before (not seeded yet, or still training).</summary>
    private async Task<int?> ReadyStationAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Assets.Where(a => a.Name == name && a.Kind == AssetKind.InspectionStation && a.ActiveModelId != null)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
    }

    private async Task SendNextAsync(int stationId, int seed, CancellationToken ct)
    {
        var number = await runs.NextIndexAsync(stationId, ct);
        var sample = DemoInspectionImages.Render(seed, number);
        await scorer.ScoreAsync(stationId, ImageEncoder.Png(sample.Image), $"demo-{number:D6}.png", sample.Key.Label, ct);
    }
}

using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Reconstruction;
using KukaPortal.Web.Torch;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Reconstruction;

/// <summary>
/// The portal's own detector cache and torch thread, with a real model file (a PCA detector: fitted in closed form,
/// so the test needs no training job). Model ids are far above the database's, so no other test shares them.
/// </summary>
public class DetectorCacheTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly string[] Channels = ["axis1_current", "axis2_current", "axis3_current"];
    private static readonly TimeSeries Recording = Sine(rows: 600);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"detector-cache-{Guid.NewGuid():N}.kpm");

    private DetectorCache Cache => Portal.Services.GetRequiredService<DetectorCache>();
    private Task<WindowReconstruction> ReconstructAsync(int modelId, int window) =>
        Cache.RunAsync(modelId, _path, TorchSharp.torch.CPU, detector => detector.ReconstructWindow(Recording, new WindowSpan(window, window * 10, 10)));

    [Fact]
    public async Task A_second_reconstruction_with_the_same_model_reads_no_file_and_gives_the_same_answer()
    {
        await SaveModelAsync();
        var before = Cache.Loads;

        var first = await ReconstructAsync(1_000_001, window: 3);
        var second = await ReconstructAsync(1_000_001, window: 3);

        (Cache.Loads - before).ShouldBe(1);
        second.Score.ShouldBe(first.Score);
        second.Reconstruction.SelectMany(c => c).ShouldBe(first.Reconstruction.SelectMany(c => c));
        second.Score.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_least_recently_used_detector_makes_room_and_is_read_again_when_it_is_needed()
    {
        await SaveModelAsync();
        int[] models = [2_000_001, 2_000_002, 2_000_003, 2_000_004, 2_000_005];
        var before = Cache.Loads;

        foreach (var model in models[..4]) await ReconstructAsync(model, window: 1);
        await ReconstructAsync(models[0], window: 1);     // now the second is the least recently used
        await ReconstructAsync(models[4], window: 1);     // a fifth model: the second is disposed
        (Cache.Loads - before).ShouldBe(5);

        await ReconstructAsync(models[0], window: 2);
        await ReconstructAsync(models[4], window: 2);
        (Cache.Loads - before).ShouldBe(5);
        var reloaded = await ReconstructAsync(models[1], window: 2);
        (Cache.Loads - before).ShouldBe(6);
        reloaded.Channels.ShouldBe(Channels);
    }

    [Fact]
    public async Task A_detector_a_score_job_holds_outlives_five_other_loads_and_makes_room_once_released()
    {
        await SaveModelAsync();
        var torch = Portal.Services.GetRequiredService<TorchExecutor>();
        var held = ModelRow(3_000_001, thresholdOverride: null);
        var before = Cache.Loads;

        var lease = await torch.RunAsync(TorchPriority.Live, () => Cache.Hold(Blobs, held, TorchSharp.torch.CPU));
        foreach (var other in new[] { 3_000_002, 3_000_003, 3_000_004, 3_000_005, 3_000_006 }) await ReconstructAsync(other, window: 1);
        var again = await torch.RunAsync(TorchPriority.Live, () => Cache.Hold(Blobs, held, TorchSharp.torch.CPU));
        var score = await torch.RunAsync(TorchPriority.Live, () => lease.Detector.ReconstructWindow(Recording, new WindowSpan(1, 10, 10)).Score);

        (Cache.Loads - before).ShouldBe(6);
        again.Detector.ShouldBeSameAs(lease.Detector);
        score.ShouldBeGreaterThan(0);

        // Released, it is an ordinary entry again: four newer models make it the least recently used, and it goes.
        await torch.RunAsync(TorchPriority.Live, () => { again.Dispose(); lease.Dispose(); return true; });
        foreach (var other in new[] { 3_000_007, 3_000_008, 3_000_009, 3_000_010 }) await ReconstructAsync(other, window: 1);
        using var reloaded = await torch.RunAsync(TorchPriority.Live, () => Cache.Hold(Blobs, held, TorchSharp.torch.CPU));
        (Cache.Loads - before).ShouldBe(11);
        await torch.RunAsync(TorchPriority.Live, () => { reloaded.Dispose(); return true; });
    }

    [Fact]
    public async Task A_detector_loaded_while_every_other_one_is_held_serves_its_caller()
    {
        await SaveModelAsync();
        var torch = Portal.Services.GetRequiredService<TorchExecutor>();
        var leases = new List<DetectorCache.Lease<Detector>>();
        foreach (var id in new[] { 5_000_001, 5_000_002, 5_000_003, 5_000_004 })
        {
            var row = ModelRow(id, thresholdOverride: null);
            leases.Add(await torch.RunAsync(TorchPriority.Live, () => Cache.Hold(Blobs, row, TorchSharp.torch.CPU)));
        }

        // A fifth model with all four places held: it is over capacity, but its caller must get it undisposed.
        var view = await ReconstructAsync(5_000_005, window: 1);

        view.Score.ShouldBeGreaterThan(0);
        await torch.RunAsync(TorchPriority.Live, () => { leases.ForEach(l => l.Dispose()); return true; });
    }

    [Fact]
    public async Task A_score_job_gets_the_engineers_threshold_and_the_reconstruction_view_the_trained_one()
    {
        await SaveModelAsync();
        var torch = Portal.Services.GetRequiredService<TorchExecutor>();
        var model = ModelRow(4_000_001, thresholdOverride: 0.125);

        using var lease = await torch.RunAsync(TorchPriority.Live, () => Cache.Hold(Blobs, model, TorchSharp.torch.CPU));
        var trained = await Cache.RunAsync(model.Id, _path, TorchSharp.torch.CPU, detector => detector.Threshold);

        lease.Detector.Threshold.ShouldBe(0.125);
        trained.ShouldNotBe(0.125);
        await torch.RunAsync(TorchPriority.Live, () => { lease.Dispose(); return true; });
    }

    private BlobStore Blobs => Portal.Services.GetRequiredService<BlobStore>();

    /// <summary>A model row as the jobs read it, pointing at this test's model file (copied into the portal's store).</summary>
    private DetectorModel ModelRow(int id, double? thresholdOverride) => new()
    {
        Id = id, Family = "pca", ArtifactKey = Blobs.Write("models", ".kpm", stream => { using var file = File.OpenRead(_path); file.CopyTo(stream); }).Key,
        ThresholdOverride = thresholdOverride,
    };

    private Task SaveModelAsync() =>
        Portal.Services.GetRequiredService<TorchExecutor>().RunAsync(TorchPriority.Training, () =>
        {
            using var detector = DetectorTrainer.Train(Recording, DetectorSettings.For(ModelFamily.Pca) with { Window = 10 }, TorchSharp.torch.CPU);
            detector.Save(_path);
        });

    private static TimeSeries Sine(int rows)
    {
        var random = new Random(4);
        var values = new float[rows * Channels.Length];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < Channels.Length; c++)
            values[r * Channels.Length + c] = (float)(Math.Sin(2 * Math.PI * r / 23.0 + c) + (random.NextDouble() - 0.5) * 0.05);
        return new TimeSeries(Channels, values);
    }

    public override ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return base.DisposeAsync();
    }
}

using System.IO.Compression;
using System.Text.Json.Nodes;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Scoring;
using Shouldly;

namespace KukaPortal.Ml.Tests.Images;

public sealed class ImageArtifactTests(TrainedImageDetectorFixture fixture) : IClassFixture<TrainedImageDetectorFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kpm-image-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_loaded_image_detector_scores_and_maps_identically_and_keeps_its_metadata()
    {
        var path = Path.Combine(folder, "image.kpm");
        fixture.Detector.Save(path);

        using var loaded = ImageDetector.Load(path, TorchSharp.torch.CPU);

        var images = SyntheticImages.Defective(6, 32, 1, seed: 41).Select(d => d.Image).ToArray();
        loaded.Score(images).Select(s => s.Score).ShouldBe(fixture.Detector.Score(images).Select(s => s.Score));
        loaded.Maps(images).ShouldBe(fixture.Detector.Maps(images));
        var m = loaded.Metadata;
        m.Kind.ShouldBe("image");
        m.Family.ShouldBe(ImageModelFamily.ConvAe2d);
        m.Settings.ShouldBe(fixture.Detector.Settings);
        m.Terms.ShouldBe(fixture.Detector.Metadata.Terms);
        m.Threshold.ShouldBe(fixture.Detector.Metadata.Threshold);
        m.TrainingDataSha256.ShouldBe(TrainingDataFingerprint.Of(fixture.Normal));
        m.TorchSharpVersion.ShouldStartWith("0.107");
        ArtifactKind.Of(path).ShouldBe(ModelKind.Image);
        using var zip = ZipFile.OpenRead(path);
        zip.Entries.Select(e => e.FullName).Order().ShouldBe(["metadata.json", "weights.bin"]);
    }

    [Fact]
    public void An_applied_threshold_rescales_calibrated_scores_and_is_saved_with_the_model()
    {
        var path = Path.Combine(folder, "override.kpm");
        fixture.Detector.Save(path);
        using var detector = ImageDetector.Load(path, TorchSharp.torch.CPU);
        var images = SyntheticImages.Defective(3, 32, 1, seed: 43).Select(d => d.Image).ToArray();
        var before = detector.Score(images);

        detector.ApplyThreshold(new Core.Thresholds.ThresholdChoice(detector.Threshold * 2, "engineer override"));
        var after = detector.Score(images);

        after.Select(s => s.Score).ShouldBe(before.Select(s => s.Score));
        after.Select(s => s.Calibrated).ShouldBe(before.Select(s => s.Calibrated / 2), tolerance: 1e-12);
        detector.Save(path);
        using var reloaded = ImageDetector.Load(path, TorchSharp.torch.CPU);
        reloaded.Metadata.Threshold.Strategy.ShouldBe("engineer override");
        Should.Throw<ArgumentOutOfRangeException>(() => detector.ApplyThreshold(new Core.Thresholds.ThresholdChoice(double.NaN, "broken")));
    }

    [Fact]
    public void The_time_series_reader_refuses_an_image_model_saying_what_it_is()
    {
        var path = Path.Combine(folder, "image.kpm");
        fixture.Detector.Save(path);

        var error = Should.Throw<ModelArtifactException>(() => Detector.Load(path));

        error.Message.ShouldContain("is an image model; use it on image sets");
    }

    [Fact]
    public void The_image_reader_refuses_a_time_series_model_saying_what_it_is()
    {
        // A time-series artifact's metadata has no kind; the rest of it does not matter to the refusal.
        var path = Path.Combine(folder, "series.kpm");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("metadata.json").Open()))
            writer.Write(new JsonObject { ["formatVersion"] = 2, ["family"] = "conv-ae" }.ToJsonString());

        var error = Should.Throw<ModelArtifactException>(() => ImageDetector.Load(path, TorchSharp.torch.CPU));

        error.Message.ShouldContain("is a time-series model; use it on recordings");
        ArtifactKind.Of(path).ShouldBe(ModelKind.TimeSeries);
    }
}

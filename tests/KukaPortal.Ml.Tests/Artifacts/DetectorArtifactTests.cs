using System.IO.Compression;
using System.Text.Json.Nodes;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Scoring;
using Shouldly;

namespace KukaPortal.Ml.Tests.Artifacts;

public sealed class DetectorArtifactTests(TrainedDetectorFixture fixture) : IClassFixture<TrainedDetectorFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kpm-tests-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_loaded_model_scores_bit_identically_and_keeps_its_metadata()
    {
        var path = Path.Combine(folder, "model.kpm");
        fixture.Detector.Save(path);

        using var loaded = Detector.Load(path);

        var series = SyntheticSeries.WithSpike(SyntheticSeries.Normal(800, seed: 12), 2, 300, 20);
        var before = fixture.Detector.ScoreBatches(series, ct: Ct).SelectMany(b => b).ToList();
        var after = loaded.ScoreBatches(series, ct: Ct).SelectMany(b => b).ToList();
        after.Select(s => s.Score).ShouldBe(before.Select(s => s.Score));
        after.Select(s => s.ChannelErrors).ShouldBe(before.Select(s => s.ChannelErrors));

        var m = loaded.Metadata;
        m.FormatVersion.ShouldBe(2);
        m.Family.ShouldBe(ModelFamily.ConvAe);
        m.Channels.ShouldBe(SyntheticSeries.ChannelNames);
        m.Threshold.ShouldBe(fixture.Detector.Metadata.Threshold);
        m.Threshold.Strategy.ShouldBe("quantile:0.99");
        m.Preprocessing.Scaler.Kind.ShouldBe(ScalerKind.MinMax);
        m.Preprocessing.Scaler.Parameters["minimums"].ShouldBe(fixture.Detector.Preprocessing.Scaler.ToState().Parameters["minimums"]);
        m.TrainingStride.ShouldBe(5);
        m.ScoringStride.ShouldBe(16);
        m.TrainingDataSha256.ShouldBe(TrainingDataFingerprint.Of(fixture.Normal));
        m.Validation.Count.ShouldBeGreaterThan(0);
        m.TorchSharpVersion.ShouldStartWith("0.107");
        loaded.Settings.ShouldBe(fixture.Detector.Settings);

        using var zip = ZipFile.OpenRead(path);
        zip.Entries.Select(e => e.FullName).Order().ShouldBe(["metadata.json", "weights.bin"]);
    }

    [Fact]
    public void An_unknown_format_version_is_refused_with_both_versions_named()
    {
        var path = SaveWithMetadata(json => json["formatVersion"] = 99);

        var error = Should.Throw<ModelArtifactException>(() => Detector.Load(path));

        error.Message.ShouldContain("format version 99");
        error.Message.ShouldContain("reads format version 2");
    }

    [Fact]
    public void An_unknown_model_family_is_refused_with_the_known_ones_listed()
    {
        var path = SaveWithMetadata(json => json["family"] = "cvae-gan");

        var error = Should.Throw<ModelArtifactException>(() => Detector.Load(path));

        error.Message.ShouldContain("family 'cvae-gan'");
        error.Message.ShouldContain("conv-ae");
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_as_not_a_model()
    {
        var path = Path.Combine(folder, "notes.kpm");
        File.WriteAllText(path, "not a model");

        Should.Throw<ModelArtifactException>(() => Detector.Load(path)).Message.ShouldContain("not a KukaPortal model file");
    }

    private string SaveWithMetadata(Action<JsonNode> edit)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.kpm");
        fixture.Detector.Save(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("metadata.json")!;
        JsonNode json;
        using (var stream = entry.Open())
            json = JsonNode.Parse(stream)!;
        edit(json);
        entry.Delete();
        using (var writer = new StreamWriter(zip.CreateEntry("metadata.json").Open()))
            writer.Write(json.ToJsonString());
        return path;
    }
}

using KukaPortal.Core.Series;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Pca;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Pca;

public sealed class PcaDetectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DetectorSettings Settings = DetectorSettings.For(ModelFamily.Pca) with { Window = 10 };

    /// <summary>Four channels mixing two sources (different periods) plus noise: rank two.</summary>
    private static TimeSeries TwoSources(int rows)
    {
        var random = new Random(6);
        var mix = new[,] { { 1.0, 0.2 }, { -0.5, 1.0 }, { 0.8, 0.8 }, { 0.3, -1.2 } };
        var values = new float[rows * 4];
        for (var r = 0; r < rows; r++)
        {
            var s = new[] { Math.Sin(2 * Math.PI * r / 17), Math.Cos(2 * Math.PI * r / 41) };
            for (var c = 0; c < 4; c++)
                values[r * 4 + c] = (float)(mix[c, 0] * s[0] + mix[c, 1] * s[1] + (random.NextDouble() - 0.5) * 0.02);
        }
        return new TimeSeries(SyntheticSeries.ChannelNames, values);
    }

    [Fact]
    public void Two_sources_in_four_channels_keep_two_components()
    {
        using var detector = DetectorTrainer.Train(TwoSources(2000), Settings, CPU, ct: Ct);

        ((PcaModel)detector.Model).KeptComponents.ShouldBe(2);
        ((PcaModel)detector.Model).Channels.ShouldBe(4);
        detector.Metadata.Training.IterationsRun.ShouldBe(0);
        detector.Metadata.Training.StoppedEarly.ShouldBeFalse();
        detector.Metadata.Training.FinalLoss.ShouldBeLessThan(1e-3);   // the noise is all that is lost
        detector.Metadata.Training.FinalValidationLoss!.Value.ShouldBeLessThan(1e-3);
    }

    [Fact]
    public void It_finds_an_injected_spike_and_scores_identically_after_save_and_load()
    {
        using var detector = DetectorTrainer.Train(SyntheticSeries.Normal(2000, seed: 3), Settings, CPU, ct: Ct);
        var path = Path.Combine(Path.GetTempPath(), $"pca-{Guid.NewGuid():N}.kpm");
        try
        {
            detector.Save(path);
            using var loaded = Detector.Load(path);
            var test = SyntheticSeries.WithSpike(SyntheticSeries.Normal(800, seed: 8), channel: 2, start: 300, length: 8);

            var before = detector.ScoreBatches(test, ct: Ct).SelectMany(b => b).ToList();
            var after = loaded.ScoreBatches(test, ct: Ct).SelectMany(b => b).ToList();

            SpikeDetection.AveragePrecisionOn(detector, Ct).ShouldBeGreaterThanOrEqualTo(0.9);
            var (original, restored) = ((PcaModel)detector.Model, (PcaModel)loaded.Model);
            restored.KeptComponents.ShouldBe(original.KeptComponents);
            restored.T2Limit.ShouldBe(original.T2Limit);
            restored.QLimit.ShouldBe(original.QLimit);
            after.Select(s => s.Score).ShouldBe(before.Select(s => s.Score)); // bit-identical: the buffers were saved
            after.Select(s => s.ChannelErrors).ShouldBe(before.Select(s => s.ChannelErrors));
            before.MaxBy(s => s.Score)!.StartRow.ShouldBe(300);                // the spiked window ranks first
        }
        finally
        {
            File.Delete(path);
        }
    }
}

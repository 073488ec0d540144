using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests;

/// <summary>One small detector trained once and shared by the scoring and artifact tests.</summary>
public sealed class TrainedDetectorFixture : IDisposable
{
    public static readonly DetectorSettings Settings = new()
    {
        Window = 16,
        Latent = 8,
        BaseWidth = 4,
        Iterations = 400,
        BatchSize = 32,
        LearningRate = 3e-3,
        Seed = 1,
        ProgressInterval = 100,
    };

    public TrainedDetectorFixture()
    {
        Normal = SyntheticSeries.Normal(3000, seed: 11);
        Detector = DetectorTrainer.Train(Normal, Settings, CPU);
    }

    public KukaPortal.Core.Series.TimeSeries Normal { get; }
    public Detector Detector { get; }

    public void Dispose() => Detector.Dispose();
}

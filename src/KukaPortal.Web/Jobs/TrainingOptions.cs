using KukaPortal.Ml.Training;

namespace KukaPortal.Web.Jobs;

/// <summary>Defaults for training jobs started from the portal (paper 000's conv AE: W = 30, L = 30).</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    public int Window { get; set; } = 30;
    public int Latent { get; set; } = 30;
    public int BaseWidth { get; set; } = 8;
    public int Iterations { get; set; } = 1500;
    public int BatchSize { get; set; } = 64;
    public double LearningRate { get; set; } = 1e-3;
    public int Seed { get; set; }
    public double ThresholdQuantile { get; set; } = 0.99;

    public DetectorSettings ToSettings() => new()
    {
        Window = Window, Latent = Latent, BaseWidth = BaseWidth, Iterations = Iterations, BatchSize = BatchSize,
        LearningRate = LearningRate, Seed = Seed, ThresholdQuantile = ThresholdQuantile,
    };
}

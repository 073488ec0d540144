using KukaPortal.Core.Preprocessing;
using KukaPortal.Ml.Training;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>Overrides of the papers' training defaults, so the grid can run small; null keeps the family's default.</summary>
public sealed record PaperRunOptions(int? Iterations, int? Width, int Seed)
{
    /// <summary>The settings one cell trains with: the family's defaults from <see cref="DetectorSettings.For"/>, the cell's W, L and λ, min-max scaling.</summary>
    public DetectorSettings Settings(PaperCell cell)
    {
        var defaults = DetectorSettings.For(cell.Family);
        var iterations = Iterations ?? defaults.Iterations;
        return defaults with
        {
            Window = cell.Window,
            Latent = cell.Latent,
            FeatureMatchingWeight = cell.Lambda ?? defaults.FeatureMatchingWeight,
            Scaler = ScalerKind.MinMax, // paper 000: min-max to [0, 1], fitted here on training rows only
            BaseWidth = Width ?? defaults.BaseWidth,
            Iterations = iterations,
            Seed = Seed,
            ProgressInterval = iterations, // one validation pass at the end: the grid reports per cell, not per step
        };
    }
}

using System.Text.Json.Serialization;
using KukaPortal.Ml.ConvAutoencoder;

namespace KukaPortal.Ml.Training;

/// <summary>
/// Hyperparameters of the convolutional autoencoder. Defaults follow paper 000 (W = L = 30, 5000 Adam
/// iterations at 1e-3, stride W/3 on normal data, 10 % held out) except <see cref="BaseWidth"/>, which the
/// paper leaves open: 16 gives 32/64/128/256 filters, room for 86 channels at about 0.43 M parameters
/// (W = 30). One step on a batch of 64 took ~50 ms on a 2-core CPU, so 5000 iterations train in ~4 minutes.
/// </summary>
public sealed record ConvAeSettings
{
    public int Window { get; init; } = 30;
    public int Latent { get; init; } = 30;
    public int BaseWidth { get; init; } = 16;
    public int Iterations { get; init; } = 5000;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; }

    /// <summary>Stride between training windows; null means W/3 (overlapping windows, as in the paper).</summary>
    public int? Stride { get; init; }

    /// <summary>Share of the windows, taken from the end of the recording, held out for validation and the threshold.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>The threshold is this quantile of the held-out normal windows' scores.</summary>
    public double ThresholdQuantile { get; init; } = 0.99;

    /// <summary>Report progress (and a validation loss) every this many iterations.</summary>
    public int ProgressInterval { get; init; } = 100;

    [JsonIgnore]
    public int EffectiveStride => Stride ?? Math.Max(1, Window / 3);

    public void Validate()
    {
        if (Window is < ConvAePlan.MinWindow or > ConvAePlan.MaxWindow)
            throw new ArgumentOutOfRangeException(nameof(Window), Window, $"Window must lie between {ConvAePlan.MinWindow} and {ConvAePlan.MaxWindow}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Latent, 1, nameof(Latent));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseWidth, 1, nameof(BaseWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2, nameof(BatchSize)); // BatchNorm needs two samples
        ArgumentOutOfRangeException.ThrowIfLessThan(EffectiveStride, 1, nameof(Stride));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressInterval, 1, nameof(ProgressInterval));
        if (!(LearningRate > 0))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "Some windows, but not all, must be held out to set the threshold.");
        if (!(ThresholdQuantile is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(ThresholdQuantile), ThresholdQuantile, "A quantile lies between 0 and 1.");
    }
}

using System.Text.Json.Serialization;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Ml.ConvAutoencoder;
using KukaPortal.Ml.Models;

namespace KukaPortal.Ml.Training;

/// <summary>
/// Hyperparameters of a detector, all families in one flat record so the CLI, the portal and the artifact
/// share one shape; each family reads the fields it needs. Start from <see cref="For"/>, which gives the
/// papers' defaults: paper 000 (W = L = 30, Adam 1e-3, batch 64, 5000 iterations, 7000 adversarial, stride W/3,
/// 10 % held out) and paper 001 (dense models on flattened windows of W = 5, latent 32); the PCA baseline
/// scores single samples (W = 1) as classical process monitoring does.
/// <see cref="BaseWidth"/> is not in paper 000: 16 gives 32/64/128/256 filters, room for 86 channels at about
/// 0.43 M parameters (W = 30); one step on a batch of 64 took ~50 ms on a 2-core CPU.
/// </summary>
public sealed record DetectorSettings
{
    public ModelFamily Family { get; init; } = ModelFamily.ConvAe;
    public int Window { get; init; } = 30;
    public int Latent { get; init; } = 30;
    public int BaseWidth { get; init; } = 16;
    public int Iterations { get; init; } = 5000;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; }

    /// <summary>Stride between training windows; null means W/3 (overlapping windows, as in paper 000).</summary>
    public int? Stride { get; init; }

    /// <summary>Fitted on the training rows and stored in the model; paper 000 used min-max to [0, 1].</summary>
    public ScalerKind Scaler { get; init; } = ScalerKind.MinMax;

    /// <summary>Share of the windows, taken from the end of the recording, held out for validation and the threshold.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>The threshold is this quantile of the held-out normal windows' scores.</summary>
    public double ThresholdQuantile { get; init; } = 0.99;

    /// <summary>Report progress (and a validation loss) every this many iterations.</summary>
    public int ProgressInterval { get; init; } = 100;

    /// <summary>
    /// Stop when the validation loss has not improved for this many progress reports, and keep the weights of
    /// the best report; null trains all <see cref="Iterations"/>.
    /// </summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>λ, the weight of the discriminator feature-matching term in the generator loss (paper 000's best: 1e-3).</summary>
    public double FeatureMatchingWeight { get; init; } = 1e-3;

    /// <summary>
    /// γ of Mescheder et al.'s R1 penalty (γ/2)·E‖∇ₓD(x)‖² on real windows (x in scaled units); 0 switches it off.
    /// Paper 000 used R1 to stop D collapsing to one label but gives no γ; Mescheder's 10 was for images. Measured
    /// on the tiny synthetic aae of the tests (300 iterations, accuracy on real/fake at the end): γ = 0 let D win
    /// outright (1.00/1.00, loss falling towards collapse), γ = 0.01 nearly so (0.99/0.96), γ = 0.1 kept a
    /// balanced but informative game (0.70/0.68), γ = 1 and 10 flattened D to chance (0.53/0.55, 0.49/0.51), when
    /// its features no longer tell G anything. Hence 0.1; watch the logged accuracies on real data and move γ
    /// by factors of 10.
    /// </summary>
    public double R1Weight { get; init; } = 0.1;

    /// <summary>Adam learning rate of the discriminator (paper 001: 0.005).</summary>
    public double DiscriminatorLearningRate { get; init; } = 1e-3;

    /// <summary>One-sided label smoothing: real windows are labelled 1 − this for the discriminator (paper 001 used smoothing).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>Principal components the PCA baseline keeps: the fewest explaining this share of the variance.</summary>
    public double PcaVariance { get; init; } = 0.95;

    [JsonIgnore]
    public int EffectiveStride => Stride ?? Math.Max(1, Window / 3);

    /// <summary>The papers' defaults for a family.</summary>
    public static DetectorSettings For(ModelFamily family) => family switch
    {
        ModelFamily.ConvAae => new() { Family = family, Iterations = 7000 },
        ModelFamily.DenseAe or ModelFamily.DenseAeBn => new() { Family = family, Window = 5, Latent = 32 },
        ModelFamily.DenseAae => new() { Family = family, Window = 5, Latent = 32, DiscriminatorLearningRate = 0.005, LabelSmoothing = 0.1 },
        // Classical process monitoring scores every sample on its own; a longer window averages its T² + Q.
        ModelFamily.Pca => new() { Family = family, Window = 1 },
        _ => new() { Family = family },
    };

    public void Validate()
    {
        if (Family.IsDense() || Family == ModelFamily.Pca)
            ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1, nameof(Window));
        else if (Window is < ConvAePlan.MinWindow or > ConvAePlan.MaxWindow)
            throw new ArgumentOutOfRangeException(nameof(Window), Window, $"Window must lie between {ConvAePlan.MinWindow} and {ConvAePlan.MaxWindow}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Latent, 1, nameof(Latent));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseWidth, 1, nameof(BaseWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2, nameof(BatchSize)); // BatchNorm needs two samples
        ArgumentOutOfRangeException.ThrowIfLessThan(EffectiveStride, 1, nameof(Stride));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressInterval, 1, nameof(ProgressInterval));
        if (EarlyStoppingPatience is < 1)
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "Early stopping needs a patience of at least one progress report.");
        Positive(LearningRate, nameof(LearningRate), "The learning rate must be positive.");
        Positive(DiscriminatorLearningRate, nameof(DiscriminatorLearningRate), "The discriminator's learning rate must be positive.");
        if (!(FeatureMatchingWeight >= 0) || !double.IsFinite(FeatureMatchingWeight))
            throw new ArgumentOutOfRangeException(nameof(FeatureMatchingWeight), FeatureMatchingWeight, "λ must be 0 or more.");
        if (!(R1Weight >= 0) || !double.IsFinite(R1Weight))
            throw new ArgumentOutOfRangeException(nameof(R1Weight), R1Weight, "The R1 weight γ must be 0 or more.");
        if (!(LabelSmoothing is >= 0 and < 0.5))
            throw new ArgumentOutOfRangeException(nameof(LabelSmoothing), LabelSmoothing, "Label smoothing lies in [0, 0.5).");
        if (!(PcaVariance is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(PcaVariance), PcaVariance, "The PCA variance to keep is a fraction in (0, 1].");
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "Some windows, but not all, must be held out to set the threshold.");
        if (!(ThresholdQuantile is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(ThresholdQuantile), ThresholdQuantile, "A quantile lies between 0 and 1.");
    }

    private static void Positive(double value, string name, string message)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, message);
    }
}

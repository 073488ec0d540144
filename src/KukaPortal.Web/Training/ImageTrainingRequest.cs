using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;

namespace KukaPortal.Web.Training;

/// <summary>
/// What an engineer asks an inspection station to train (POST …/jobs/train-images, the training page): the normal
/// image sets and the detector's knobs; a null knob takes the default (conv-ae-2d, 128 px, the set's colour planes,
/// pad, 2000 iterations, batch 16, seed 42, quantile:0.99).
/// </summary>
public sealed record ImageTrainingRequest
{
    public IReadOnlyList<int> RecordingIds { get; init; } = [];
    public string? Family { get; init; }
    public int? Size { get; init; }
    public int? Channels { get; init; }
    public ImageFit? Fit { get; init; }
    public int? Iterations { get; init; }
    public int? BatchSize { get; init; }
    public int? Seed { get; init; }
    public string? ThresholdStrategy { get; init; }

    public const string DefaultFamily = "conv-ae-2d";

    /// <summary>The job's parameters; <paramref name="setChannels"/> are the first set's colour planes. Checked as the trainer checks (400 when wrong).</summary>
    public ImageTrainingParameters ToParameters(int setChannels)
    {
        var defaults = new ImageDetectorSettings { Family = ImageModelFamily.ConvAe2d };
        var family = Family ?? DefaultFamily;
        if (!ImageModelFamilyNames.TryParse(family, out _))
            throw TrainingRequestException.Malformed($"Unknown image family '{family}'; choose one of {string.Join(", ", ImageModelFamilyNames.All)}.");
        var parameters = new ImageTrainingParameters
        {
            NormalRecordingIds = RecordingIds.Distinct().ToArray(), Family = family, Size = Size ?? defaults.Size,
            Channels = Channels ?? setChannels, Fit = Fit ?? defaults.Fit, Iterations = Iterations ?? defaults.Iterations,
            BatchSize = BatchSize ?? defaults.BatchSize, Seed = Seed ?? defaults.Seed, ThresholdStrategy = ThresholdStrategy ?? defaults.ThresholdStrategy,
        };
        try
        {
            parameters.ToSettings().Validate();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw TrainingRequestException.Malformed(e.Message);
        }
        return parameters;
    }
}

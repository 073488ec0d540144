using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// The preprocessing a model was trained with: optional feature selection → scaler → optional PCA.
/// Fitted once on normal training data (feature selection on a labelled series), saved as a
/// <see cref="PreprocessingState"/> inside the model, and applied unchanged at scoring time.
/// Missing values are not handled here: validation decides what they mean before this runs.
/// </summary>
public sealed class PreprocessingPipeline
{
    private PreprocessingPipeline(IReadOnlyList<string> inputChannels, FeatureSelector? selector, IScaler scaler, PcaTransform? pca)
    {
        InputChannels = inputChannels;
        Selector = selector;
        Scaler = scaler;
        Pca = pca;
    }

    /// <summary>The raw channels the pipeline reads, in order.</summary>
    public IReadOnlyList<string> InputChannels { get; }

    /// <summary>The channels the model sees: the kept channels, or pc1..pck after PCA.</summary>
    public IReadOnlyList<string> OutputChannels => Pca?.OutputChannels ?? Selector?.KeptChannels ?? InputChannels;

    public FeatureSelector? Selector { get; }
    public IScaler Scaler { get; }
    public PcaTransform? Pca { get; }

    /// <param name="normal">Normal training data: the scaler and PCA are fitted on it.</param>
    /// <param name="labelled">Rows labelled normal and anomalous; only feature selection reads it.</param>
    public static PreprocessingPipeline Fit(TimeSeries normal, PreprocessingOptions? options = null, TimeSeries? labelled = null)
    {
        ArgumentNullException.ThrowIfNull(normal);
        options ??= new PreprocessingOptions();

        FeatureSelector? selector = null;
        if (options.FeatureSelection is { } selection)
        {
            if (labelled is null)
                throw new ArgumentException("Feature selection by mutual information needs a labelled series.", nameof(labelled));
            selector = FeatureSelector.Fit(labelled, selection);
        }

        var selected = selector?.Transform(normal) ?? normal;
        var scaler = Scalers.Fit(options.Scaler, selected, options.ScalerOptions);
        var pca = options.Pca is { } pcaOptions ? PcaTransform.Fit(scaler.Transform(selected), pcaOptions) : null;
        return new PreprocessingPipeline([.. normal.Channels], selector, scaler, pca);
    }

    public static PreprocessingPipeline Restore(PreprocessingState state)
    {
        if (state.Version != PreprocessingState.CurrentVersion)
            throw new InvalidDataException($"Preprocessing state version {state.Version} is not supported (expected {PreprocessingState.CurrentVersion}).");
        return new PreprocessingPipeline(state.InputChannels, state.FeatureSelection?.Restore(), state.Scaler.Restore(), state.Pca?.Restore());
    }

    /// <summary>Raw recording → what the model sees. The series must have the channels the pipeline was fitted on.</summary>
    public TimeSeries Transform(TimeSeries raw)
    {
        if (!raw.Channels.SequenceEqual(InputChannels, StringComparer.Ordinal))
            throw new ArgumentException($"The pipeline was fitted on channels [{string.Join(", ", InputChannels)}]; the series has [{string.Join(", ", raw.Channels)}].", nameof(raw));
        var selected = Selector?.Transform(raw) ?? raw;
        var scaled = Scaler.Transform(selected);
        return Pca?.Transform(scaled) ?? scaled;
    }

    /// <summary>
    /// Model output → raw units of the kept channels (e.g. to draw a reconstruction over the
    /// recording). Channels dropped by feature selection cannot come back.
    /// </summary>
    public TimeSeries InverseTransform(TimeSeries transformed)
    {
        var scaled = Pca?.InverseTransform(transformed) ?? transformed;
        return Scaler.InverseTransform(scaled);
    }

    public PreprocessingState ToState() =>
        new(PreprocessingState.CurrentVersion, InputChannels, Selector?.ToState(), Scaler.ToState(), Pca?.ToState());
}

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// What a model's preprocessing does. The defaults are paper 000's: min-max scaling only. Feature
/// selection and PCA are off unless set; paper 001 found both hurt.
/// </summary>
public sealed record PreprocessingOptions
{
    public ScalerKind Scaler { get; init; } = ScalerKind.MinMax;

    public ScalerOptions ScalerOptions { get; init; } = new();

    /// <summary>Mutual-information feature selection; needs a labelled series at fit time.</summary>
    public FeatureSelectionOptions? FeatureSelection { get; init; }

    /// <summary>PCA on the scaled channels.</summary>
    public PcaOptions? Pca { get; init; }
}

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// A fitted pipeline as one JSON-friendly record, stored inside each model artifact so scoring
/// applies exactly what training did. <see cref="Version"/> changes when the meaning of a field does.
/// </summary>
public sealed record PreprocessingState(
    int Version,
    IReadOnlyList<string> InputChannels,
    FeatureSelectionState? FeatureSelection,
    ScalerState Scaler,
    PcaState? Pca)
{
    public const int CurrentVersion = 1;

    public PreprocessingPipeline Restore() => PreprocessingPipeline.Restore(this);
}

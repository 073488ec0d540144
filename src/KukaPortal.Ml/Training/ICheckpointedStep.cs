namespace KukaPortal.Ml.Training;

/// <summary>
/// What a training step keeps besides the model's weights — optimiser moments, discriminators, counters — so that
/// checkpoints and the last good state before a NaN (<see cref="RunState"/>) hold everything a run continues from.
/// Shared by the time-series and the image steps, so both trainers save and restore runs the same way.
/// </summary>
internal interface ICheckpointedStep
{
    /// <summary>Writes what a resumed run needs besides the model's weights: optimiser moments, a discriminator.</summary>
    void SaveState(BinaryWriter writer);

    /// <summary>Restores what <see cref="SaveState"/> wrote, into a step built with the same settings.</summary>
    void LoadState(BinaryReader reader);
}

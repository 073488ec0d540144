namespace KukaPortal.Ml.Training;

/// <summary>
/// The last good state of a training run and how often the run has gone back to it. A loop that finds NaN or
/// infinite losses or weights at a progress report restores <see cref="GoBack"/>'s state and replays the same
/// batches from there, so the result is the one an undisturbed run gives; after <see cref="MaxRecoveries"/> such
/// returns the run stops with <see cref="TrainingDivergedException"/>. Why: under heavy load TorchSharp 0.107's
/// temporary scalars can be finalised while libtorch still reads them (see <see cref="Runtime.NoGcRegion"/>, whose
/// protection is best effort), and a garbage scalar in one step turns the weights into NaN for good.
/// Shared by the time-series and the image training loops.
/// </summary>
internal sealed class DivergenceRecovery(TrainingCheckpoint start)
{
    public const int MaxRecoveries = 5;

    private int recoveries;

    /// <summary>The state captured at the last report whose losses and weights were finite (or where the run began).</summary>
    public TrainingCheckpoint LastGood { get; private set; } = start;

    /// <summary>Records the state of a report whose losses and weights were all finite.</summary>
    public void Passed(TrainingCheckpoint state) => LastGood = state;

    /// <summary>Counts one return to the last good state and gives it; throws once the limit is spent.</summary>
    /// <param name="iteration">The report that found the non-finite values, for the error message.</param>
    public TrainingCheckpoint GoBack(int iteration)
    {
        if (++recoveries > MaxRecoveries)
            throw new TrainingDivergedException(
                $"Training diverged: the loss or the weights became NaN or infinite {recoveries} times (last between iterations {LastGood.Iteration} and {iteration}), " +
                "even after going back to the last good state each time. Try a lower learning rate; if it keeps happening at the defaults, the machine's torch runtime is suspect.");
        return LastGood;
    }
}

namespace KukaPortal.Ml.Training;

/// <summary>
/// Training produced NaN or infinite losses or weights again and again, even after going back to the last good state:
/// the run stops rather than save a model that scores nothing. Thrown instead of writing such a model.
/// </summary>
public sealed class TrainingDivergedException(string message) : Exception(message);

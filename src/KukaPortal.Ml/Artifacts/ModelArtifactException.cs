namespace KukaPortal.Ml.Artifacts;

/// <summary>A model file this build cannot use; the message says why in terms an engineer can act on.</summary>
public sealed class ModelArtifactException(string message, Exception? inner = null) : Exception(message, inner);

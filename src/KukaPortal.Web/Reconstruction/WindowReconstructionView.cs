namespace KukaPortal.Web.Reconstruction;

/// <summary>
/// One stored window with the model's input and reconstruction of each channel, in the model's scaled units.
/// <see cref="Channels"/> are ordered by contribution, largest first; every array has <see cref="Window"/> points,
/// at <see cref="Seconds"/> (seconds from the start of the run's recording or stream).
/// </summary>
public sealed record WindowReconstructionView(
    int AssetId, Guid RunId, int WindowIndex, int ModelId, int ModelVersion, int Window, string Units,
    double StartSeconds, double EndSeconds, double[] Seconds,
    double Score, double Threshold, double Calibrated, bool AboveThreshold,
    IReadOnlyList<ChannelReconstruction> Channels);

/// <summary>A channel's share of the window's error (0..1), its mean squared error, and the two curves.</summary>
public sealed record ChannelReconstruction(string Name, double Contribution, double Error, float[] Input, float[] Reconstruction);

/// <summary>The window exists but cannot be reconstructed (its samples or model are gone, or torch is missing); the message says which.</summary>
public sealed class ReconstructionUnavailableException(string message) : Exception(message);

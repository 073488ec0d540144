namespace KukaPortal.Web.Monitoring;

// What the server pushes to dashboards. Every push is a hint; the database stays the truth. Each message
// carries the asset's sequence number at the time it was sent (Sequence: the last stored window's), so a
// client that sees a number beyond what it has knows it missed windows and asks GetWindowsSince for them.

/// <summary>One scored window as dashboards draw it. Sequence orders windows per asset and drives catch-up.</summary>
public sealed record WindowPoint(long Sequence, Guid RunId, int WindowIndex, DateTimeOffset At, double StartSeconds, double EndSeconds, double Score, double Calibrated, bool AboveThreshold);

/// <summary>Windows scored since the previous push (pushes are batched, a few per second at most).</summary>
public sealed record WindowsScored(int AssetId, IReadOnlyList<WindowPoint> Windows, long Sequence);

public sealed record AlarmChanged(
    int AssetId, long AlarmId, string State, DateTimeOffset RaisedAt, double PeakCalibrated, string? AcknowledgedBy,
    string Priority, string? Classification, DateTimeOffset? ShelvedUntil, long Sequence);

public sealed record JobProgress(Guid JobId, int AssetId, string Kind, string State, double Progress, string? Message, double? Loss, long Sequence);

/// <summary>One point of a training job's loss curves (discriminator values for adversarial families only).</summary>
public sealed record LossPoint(int Iteration, double Reconstruction, double? Validation, double? DiscriminatorLoss, double? DiscriminatorAccuracy);

/// <summary>Loss points a training job stored since the previous push; the page redraws from job_losses after a reconnect.</summary>
public sealed record TrainingLoss(Guid JobId, int AssetId, IReadOnlyList<LossPoint> Points, long Sequence);

public sealed record ModelChanged(int AssetId, int ModelId, int Version, long Sequence);

/// <summary>
/// Whether a stream of the asset is receiving data: <c>NoData</c> once no rows arrived for
/// <see cref="SecondsWithoutData"/> seconds, <c>Receiving</c> when rows come again.
/// </summary>
public sealed record AssetStatusChanged(int AssetId, Guid RunId, string State, double SecondsWithoutData, string Message, long Sequence = 0);

/// <summary>An alarm's period as the live chart shades it: <c>ClearedAt</c> null while the condition is still on.</summary>
public sealed record AlarmPeriodView(long AlarmId, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, string State, bool Acknowledged);

/// <summary>
/// What the live chart opens with for a range: the windows from <c>From</c> on (downsampled when <c>Stored</c> is more
/// than were sent), the asset's latest sequence number to catch up from, and the alarm periods to shade.
/// </summary>
public sealed record LiveWindows(DateTimeOffset From, IReadOnlyList<WindowPoint> Windows, int Stored, long Sequence, IReadOnlyList<AlarmPeriodView> AlarmPeriods);

namespace KukaPortal.Web.Monitoring;

/// <summary>One scored window as dashboards draw it. Sequence orders windows per asset and drives catch-up.</summary>
public sealed record WindowPoint(long Sequence, Guid JobId, int WindowIndex, double StartSeconds, double EndSeconds, double Score, double Calibrated, bool AboveThreshold);

/// <summary>Windows scored since the previous push (pushes are batched, a few per second at most).</summary>
public sealed record WindowsScored(int AssetId, IReadOnlyList<WindowPoint> Windows);

public sealed record AlarmChanged(int AssetId, long AlarmId, string State, DateTimeOffset RaisedAt, double PeakCalibrated, string? AcknowledgedBy);

public sealed record JobProgress(Guid JobId, int AssetId, string Kind, string State, double Progress, string? Message, double? Loss);

public sealed record ModelChanged(int AssetId, int ModelId, int Version);

/// <summary>
/// Whether a stream of the asset is receiving data: <c>NoData</c> once no rows arrived for
/// <see cref="SecondsWithoutData"/> seconds, <c>Receiving</c> when rows come again.
/// </summary>
public sealed record AssetStatusChanged(int AssetId, Guid RunId, string State, double SecondsWithoutData, string Message);

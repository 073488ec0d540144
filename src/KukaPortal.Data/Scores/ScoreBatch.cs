using KukaPortal.Core.Alarms;
using KukaPortal.Data.Streams;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Windows scored together, plus the alarm-condition changes they caused (at which window), so both
/// are stored in one transaction: an alarm never exists without the scores that raised it.
/// <paramref name="RunId"/> is a batch scoring job's id, or a live stream's own stable run id.
/// An inspection station's batch also carries the <paramref name="Images"/> its windows scored (one per window); a
/// stream's batch carries the run's <paramref name="Progress"/> after it, saved in the same transaction.
/// </summary>
public sealed record ScoreBatch(
    int AssetId, Guid RunId, int ModelId,
    IReadOnlyList<ScoredWindow> Windows,
    IReadOnlyList<(int WindowIndex, ConditionChange Change)> ConditionChanges,
    IReadOnlyList<InspectedImage>? Images = null,
    StreamProgress? Progress = null);

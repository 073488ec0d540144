using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Validation;

/// <summary>A report and, when it accepts the recording, the series to store (missing values already handled by the policy).</summary>
public sealed record ValidatedRecording(RecordingReport Report, ParsedRecording? Recording, TimeSeries? Cleaned)
{
    public bool Accepted => Report.Accepted;
}

/// <summary>The reports of one upload, and the files that were deliberately not read.</summary>
public sealed record ValidatedBatch(IReadOnlyList<ValidatedRecording> Recordings, IReadOnlyList<SkippedFile> Skipped)
{
    public IReadOnlyList<RecordingReport> Reports => Recordings.Select(r => r.Report).ToArray();
    public bool Accepted => Recordings.Count > 0 && Recordings.All(r => r.Accepted);
}

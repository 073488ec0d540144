using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;
using KukaPortal.Data.Entities;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// The result of an upload: the stored recordings, or — when anything was wrong — nothing stored and
/// the validation report of every file, so the sender can fix all problems in one go.
/// </summary>
public sealed record ImportOutcome(IReadOnlyList<Recording> Recordings, IReadOnlyList<RecordingReport> Reports, IReadOnlyList<SkippedFile> Skipped)
{
    public bool Succeeded => Recordings.Count > 0;

    /// <summary>Every error of every report, one sentence each, naming the file.</summary>
    public IEnumerable<string> Problems => Reports.SelectMany(r => r.Errors.Select(e =>
        e.Message.StartsWith(r.Source, StringComparison.Ordinal) ? e.Message : $"{r.Source}: {e.Message}"));
}

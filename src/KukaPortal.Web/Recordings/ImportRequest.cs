using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;
using KukaPortal.Data.Entities;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// What the sender asked for besides the files: their purpose, how to read columns, and what to do with gaps;
/// for an inspection station's image set, <paramref name="Images"/> (null: the defaults).
/// </summary>
public sealed record ImportRequest(RecordingPurpose Purpose, RecordingReadOptions ReadOptions, MissingValuePolicy MissingValues, ImageImportOptions? Images = null)
{
    public static ImportRequest Default(RecordingPurpose purpose) => new(purpose, new RecordingReadOptions(), MissingValuePolicy.Reject);
}

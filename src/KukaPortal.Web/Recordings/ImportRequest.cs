using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;
using KukaPortal.Data.Entities;

namespace KukaPortal.Web.Recordings;

/// <summary>What the sender asked for besides the files: their purpose, how to read columns, and what to do with gaps.</summary>
public sealed record ImportRequest(RecordingPurpose Purpose, RecordingReadOptions ReadOptions, MissingValuePolicy MissingValues)
{
    public static ImportRequest Default(RecordingPurpose purpose) => new(purpose, new RecordingReadOptions(), MissingValuePolicy.Reject);
}

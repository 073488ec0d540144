using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// One recording decoded from a file or zip entry. <paramref name="Name"/> is the file's stem
/// (<c>KukaNormal</c>), or its path inside the archive without extension when two entries share a stem.
/// </summary>
public sealed record ParsedRecording(string Name, TimeSeries Series, RecordingRole Role, RecordingFormat Format)
{
    /// <summary>Where it came from: the file name, or <c>archive.zip/folder/entry.npy</c>.</summary>
    public string SourceName { get; init; } = Name;

    /// <summary>What the reader decided on the user's behalf (skipped columns, generated names, roles).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

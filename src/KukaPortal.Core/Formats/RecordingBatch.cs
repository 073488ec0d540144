namespace KukaPortal.Core.Formats;

/// <summary>Everything read from one upload: the recordings, the files that failed, and what was left out on purpose.</summary>
public sealed record RecordingBatch(IReadOnlyList<ParsedRecording> Recordings, IReadOnlyList<RecordingFailure> Failures, IReadOnlyList<SkippedFile> Skipped);

/// <summary>A file or zip entry that could not be read; <see cref="RecordingFormatException.SourceName"/> names it too.</summary>
public sealed record RecordingFailure(string SourceName, RecordingFormatException Error);

/// <summary>A file or zip entry deliberately not read (macOS metadata, dotfiles, unknown formats inside a zip).</summary>
public sealed record SkippedFile(string SourceName, string Reason);

namespace KukaPortal.Core.Formats;

/// <summary>
/// The one entry point for uploads and the CLI: reads CSV/TSV, NPY, Parquet and zips of them, pairs NPY
/// arrays with their channel-name files, and recognises the KUKA layout (<c>KukaNormal</c> → normal,
/// <c>KukaSlow</c> → abnormal), so that three loose files or one zip become two recordings in one step.
/// The format is detected from magic bytes first (<c>\x93NUMPY</c>, <c>PAR1</c>, <c>PK\x03\x04</c>),
/// then from the extension.
/// </summary>
public static class RecordingFileReader
{
    /// <summary>Reads every file; throws the first file's <see cref="RecordingFormatException"/> (naming the file) if any fails.</summary>
    public static async Task<IReadOnlyList<ParsedRecording>> ReadAsync(
        IReadOnlyList<SourceFile> files, RecordingReadOptions? options = null, ReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var batch = await ReadEachAsync(files, options, limits, cancellationToken);
        if (batch.Failures.Count > 0) throw batch.Failures[0].Error;
        if (batch.Recordings.Count == 0)
            throw new RecordingFormatException(RecordingErrorKind.NoData, "The upload holds no recording.");
        return batch.Recordings;
    }

    /// <summary>Reads every file it can and reports the others, for a validation report that covers all of them.</summary>
    public static async Task<RecordingBatch> ReadEachAsync(
        IReadOnlyList<SourceFile> files, RecordingReadOptions? options = null, ReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var reading = new RecordingBatchReading(options ?? new RecordingReadOptions(), limits ?? ReadLimits.Default, cancellationToken);
        await reading.ReadGroupAsync(files, archiveName: null);
        return reading.ToBatch();
    }
}

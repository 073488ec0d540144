using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// The state of reading one upload for <see cref="RecordingFileReader"/>: files are read in order, zips as
/// groups of their own, and NPY arrays are named once their whole group (folder) is known.
/// </summary>
internal sealed class RecordingBatchReading(RecordingReadOptions options, ReadLimits limits, CancellationToken cancellationToken)
{
    private readonly List<(int Order, ParsedRecording Recording)> _recordings = [];
    /// <summary>The position of the file being read among all files and entries, so that recordings come out in that order.</summary>
    private int _order;
    private readonly List<RecordingFailure> _failures = [];
    private readonly List<SkippedFile> _skipped = [];

    private sealed record Matrix(int Order, string SourceName, string Path, NpyMatrix Values);

    /// <summary>Reads the loose files of the upload, or the entries of one archive (<paramref name="archiveName"/>).</summary>
    public async Task ReadGroupAsync(IReadOnlyList<SourceFile> files, string? archiveName)
    {
        var matrices = new List<Matrix>();
        var namesFiles = new List<NpyChannelNames.NamesFile>();
        foreach (var file in files)
        {
            _order++;
            var sourceName = archiveName is null ? file.Name : $"{archiveName}/{file.Name}";
            try
            {
                await ReadFileAsync(file, sourceName, archiveName, matrices, namesFiles);
            }
            catch (RecordingFormatException e) when (archiveName is null || e.Kind != RecordingErrorKind.UnsafeArchive)
            {
                Fail(sourceName, e);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                Fail(sourceName, new RecordingFormatException(RecordingErrorKind.Malformed, $"The data cannot be read: {e.Message}"));
            }
        }
        NameMatrices(matrices, namesFiles, archiveName);
    }

    private async Task ReadFileAsync(SourceFile file, string sourceName, string? archiveName,
        List<Matrix> matrices, List<NpyChannelNames.NamesFile> namesFiles)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = SniffedStream.Open(file.Open());
        var kind = FormatDetector.Detect(stream.Head, file.Name);
        switch (kind)
        {
            case FormatDetector.Kind.Csv:
                Add(file.Name, sourceName, CsvRecordingReader.Read(stream, options, limits, cancellationToken), RecordingFormat.Csv, []);
                break;
            case FormatDetector.Kind.Npy:
                var header = NpyHeader.Read(stream);
                var available = file.Length - (stream.Position);
                if (header.Dtype.IsText)
                    namesFiles.Add(new(file.Name, NpyReader.ReadStrings(stream, header, available, limits, cancellationToken)));
                else
                    matrices.Add(new(_order, sourceName, file.Name, NpyReader.ReadMatrix(stream, header, available, limits, cancellationToken)));
                // NumPy ignores bytes after the data; reading them lets a zip entry's checksum be verified.
                await stream.CopyToAsync(Stream.Null, cancellationToken);
                break;
            case FormatDetector.Kind.Parquet:
                await ReadParquetAsync(file, sourceName);
                break;
            case FormatDetector.Kind.Zip when archiveName is not null:
                throw ZipEntryName.Refuse(file.Name, "is itself a zip archive; nested archives are not imported");
            case FormatDetector.Kind.Zip:
                stream.Dispose();
                await ReadArchiveAsync(file);
                break;
            case FormatDetector.Kind.Unknown when archiveName is not null:
                _skipped.Add(new SkippedFile(sourceName, "It is not a recording format (CSV, TSV, NPY or Parquet)."));
                break;
            default:
                throw new RecordingFormatException(RecordingErrorKind.UnknownFormat,
                    "The file is not a recording format (CSV, TSV, NPY, Parquet, or a zip of them).");
        }
    }

    /// <summary>
    /// Reads the entries of a zip as one group. An unsafe entry found only while inflating (a nested
    /// archive without the .zip name, a size header that lied) refuses the whole archive, so whatever
    /// its earlier entries gave is taken back.
    /// </summary>
    private async Task ReadArchiveAsync(SourceFile file)
    {
        var (recordings, failures, skipped) = (_recordings.Count, _failures.Count, _skipped.Count);
        using var archive = ZipRecordingArchive.Open(file.Open(), file.Name, limits);
        try
        {
            _skipped.AddRange(archive.Skipped);
            await ReadGroupAsync(archive.Entries, file.Name);
        }
        catch (RecordingFormatException e) when (e.Kind == RecordingErrorKind.UnsafeArchive)
        {
            _recordings.RemoveRange(recordings, _recordings.Count - recordings);
            _failures.RemoveRange(failures, _failures.Count - failures);
            _skipped.RemoveRange(skipped, _skipped.Count - skipped);
            throw;
        }
    }

    /// <summary>Parquet needs to seek (its index is at the end), so a forward-only zip entry is buffered first; the zip limits bound it.</summary>
    private async Task ReadParquetAsync(SourceFile file, string sourceName)
    {
        await using var opened = file.Open();
        Stream seekable = opened;
        if (!opened.CanSeek)
        {
            var buffer = new MemoryStream();
            await opened.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            seekable = buffer;
        }
        var notes = new List<string>();
        var series = await ParquetRecordingReader.ReadAsync(seekable, options, limits, notes, cancellationToken);
        Add(file.Name, sourceName, series, RecordingFormat.Parquet, notes);
    }

    private void NameMatrices(List<Matrix> matrices, List<NpyChannelNames.NamesFile> namesFiles, string? archiveName)
    {
        foreach (var matrix in matrices)
        {
            try
            {
                var namesFile = NpyChannelNames.For(matrix.Path, namesFiles);
                if (namesFile is not null && namesFile.Names.Length != matrix.Values.Columns)
                    throw new RecordingFormatException(RecordingErrorKind.ChannelNames,
                        $"'{namesFile.Path}' names {namesFile.Names.Length} channels, but the array has {matrix.Values.Columns} columns.");
                var names = namesFile?.Names ?? NpyMatrix.GeneratedNames(matrix.Values.Columns);
                List<string> notes = namesFile is null
                    ? [$"No channel names file; the channels are called ch0…ch{matrix.Values.Columns - 1}."]
                    : [$"Channel names from '{namesFile.Path}'."];
                Add(matrix.Path, matrix.SourceName, NpySeries.Build(matrix.Values, names, options), RecordingFormat.Npy, notes, matrix.Order);
            }
            catch (RecordingFormatException e)
            {
                Fail(matrix.SourceName, e);
            }
        }
        foreach (var unused in namesFiles.Where(n => !matrices.Any(m => NpyChannelNames.Names(n, m.Path))))
            _skipped.Add(new SkippedFile(archiveName is null ? unused.Path : $"{archiveName}/{unused.Path}", "It holds channel names, but no array in its folder has a matching name."));
    }

    private void Add(string path, string sourceName, TimeSeries series, RecordingFormat format, List<string> notes, int? order = null)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var (role, labelled, note) = KukaLayout.Apply(stem, series);
        if (note is not null) notes.Add(note);
        _recordings.Add((order ?? _order, new ParsedRecording(stem, labelled, role, format) { SourceName = sourceName, Notes = notes }));
    }

    private void Fail(string sourceName, RecordingFormatException error) =>
        _failures.Add(new RecordingFailure(sourceName, error.WithSource(sourceName)));

    /// <summary>Recordings are named by stem; where two share one, the path tells them apart (with its extension if need be).</summary>
    public RecordingBatch ToBatch()
    {
        var recordings = _recordings.OrderBy(r => r.Order).Select(r => r.Recording).ToArray();
        recordings = Disambiguate(recordings, r => WithoutExtension(r.SourceName));
        recordings = Disambiguate(recordings, r => r.SourceName);
        return new RecordingBatch(recordings, _failures.ToArray(), _skipped.ToArray());
    }

    private static ParsedRecording[] Disambiguate(ParsedRecording[] recordings, Func<ParsedRecording, string> longerName)
    {
        var shared = recordings.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return recordings.Select(r => shared.Contains(r.Name) ? r with { Name = longerName(r) } : r).ToArray();
    }

    private static string WithoutExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length == 0 ? path : path[..^extension.Length];
    }
}

using System.Globalization;
using KukaPortal.Core.Series;
using Parquet;
using Parquet.Schema;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads an Apache Parquet file: numeric columns (floats, integers, decimals, booleans as 0/1) become
/// channels, a date-time or numeric column the time (seconds from the first row for date-times), a
/// boolean or 0/1 column the label. Text and nested columns are skipped with a note. Row groups are
/// read one at a time into the final array, so memory stays near the decoded size.
/// </summary>
public static class ParquetRecordingReader
{
    /// <summary>Reads the file; <paramref name="stream"/> must be seekable (Parquet keeps its index at the end).</summary>
    public static async Task<TimeSeries> ReadAsync(Stream stream, RecordingReadOptions? options = null, ReadLimits? limits = null, CancellationToken cancellationToken = default) =>
        await ReadAsync(stream, options ?? new RecordingReadOptions(), limits ?? ReadLimits.Default, [], cancellationToken);

    internal static async Task<TimeSeries> ReadAsync(Stream stream, RecordingReadOptions options, ReadLimits limits, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken);
            return await ReadAsync(reader, options, limits, notes, cancellationToken);
        }
        catch (Exception e) when (e is not (RecordingFormatException or OperationCanceledException or OutOfMemoryException))
        {
            // A damaged file can make the library throw almost anything; the sender needs one clear answer.
            throw new RecordingFormatException(RecordingErrorKind.Malformed, $"The Parquet file cannot be read: {e.Message}");
        }
    }

    private static async Task<TimeSeries> ReadAsync(ParquetReader reader, RecordingReadOptions options, ReadLimits limits, List<string> notes, CancellationToken cancellationToken)
    {
        var fields = FlatFields(reader.Schema, notes);
        var layout = ColumnLayout.From(fields.Select(f => f.Name).ToArray(), options);
        var channels = new List<DataField>();
        foreach (var (index, name) in layout.Channels)
        {
            if (ParquetColumn.IsNumeric(fields[index].ClrType)) channels.Add(fields[index]);
            else notes.Add($"Column '{name}' holds {ParquetColumn.Describe(fields[index].ClrType)} and was skipped.");
        }
        if (channels.Count == 0)
            throw new RecordingFormatException(RecordingErrorKind.NoChannels, "The file has no numeric column to be a channel.");
        var timeField = layout.TimestampIndex is { } t
            ? Checked(fields[t], ParquetColumn.IsTime(fields[t].ClrType) || ParquetColumn.IsNumeric(fields[t].ClrType), RecordingErrorKind.BadTime, "date-times or numbers of seconds")
            : null;
        var labelField = layout.LabelIndex is { } l
            ? Checked(fields[l], ParquetColumn.IsNumeric(fields[l].ClrType), RecordingErrorKind.BadLabel, "booleans or 0/1")
            : null;

        var rows = reader.RowGroups.Sum(g => g.RowCount);
        var count = (Int128)rows * channels.Count;
        var limit = Math.Min(limits.MaxValues, Array.MaxLength);
        if (count > limit)
            throw new RecordingFormatException(RecordingErrorKind.TooLarge, Invariant($"The file holds {count:N0} values, more than the limit of {limit:N0}."));
        if (rows == 0)
            throw new RecordingFormatException(RecordingErrorKind.NoData, "The file has columns but no rows.");

        var values = new float[(long)count];
        var times = timeField is null ? null : new ParquetTimes(timeField, rows);
        var labels = labelField is null ? null : new bool[rows];
        long offset = 0;
        foreach (var group in reader.RowGroups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var column = new double[group.RowCount];
            for (var c = 0; c < channels.Count; c++)
            {
                await ParquetColumn.ReadAsync(group, channels[c], column, cancellationToken);
                for (var r = 0; r < column.Length; r++) values[(offset + r) * channels.Count + c] = (float)column[r];
            }
            if (times is not null) await times.ReadAsync(group, offset, cancellationToken);
            if (labelField is not null)
            {
                await ParquetColumn.ReadAsync(group, labelField, column, cancellationToken);
                StoreLabels(column, labelField, labels!, offset);
            }
            offset += column.Length;
        }
        return new TimeSeries(channels.Select(f => f.Name).ToArray(), values, times?.Seconds, labels);
    }

    /// <summary>Top-level scalar columns; lists, maps and structs cannot be one value per row and are skipped.</summary>
    private static List<DataField> FlatFields(ParquetSchema schema, List<string> notes)
    {
        var flat = new List<DataField>();
        foreach (var field in schema.Fields)
        {
            if (field is DataField { IsArray: false } data) flat.Add(data);
            else notes.Add($"Column '{field.Name}' is nested ({field.SchemaType}) and was skipped.");
        }
        return flat;
    }

    private static DataField Checked(DataField field, bool suitable, RecordingErrorKind kind, string needs) => suitable
        ? field
        : throw new RecordingFormatException(kind, $"The column holds {ParquetColumn.Describe(field.ClrType)}; it needs {needs}.", column: field.Name);

    private static void StoreLabels(double[] column, DataField field, bool[] labels, long offset)
    {
        for (var r = 0; r < column.Length; r++)
        {
            labels[offset + r] = column[r] switch
            {
                0 => false,
                1 => true,
                double.NaN => throw new RecordingFormatException(RecordingErrorKind.BadLabel, Invariant($"Row {offset + r + 1} has no label."), column: field.Name),
                var other => throw new RecordingFormatException(RecordingErrorKind.BadLabel,
                    Invariant($"Row {offset + r + 1} holds {other}, which is not a label (0/1 or true/false)."), column: field.Name),
            };
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

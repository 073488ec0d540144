using KukaPortal.Core.Series;
using Parquet;
using Parquet.Schema;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Writes a series as Parquet: a <c>timestamp</c> column of seconds (when the series has times), one
/// float column per channel, and a boolean <c>label</c> column (when it has labels).
/// </summary>
public static class ParquetRecordingWriter
{
    /// <summary>Writes <paramref name="series"/> in row groups of <paramref name="rowGroupRows"/> rows (Snappy-compressed, the library's default).</summary>
    public static async Task WriteAsync(Stream stream, TimeSeries series, int rowGroupRows = 100_000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        var timeField = series.Timestamps is null ? null : new DataField<double>("timestamp");
        var channelFields = series.Channels.Select(name => new DataField<float>(name)).ToArray();
        var labelField = series.Labels is null ? null : new DataField<bool>("label");
        var fields = new List<Field>();
        if (timeField is not null) fields.Add(timeField);
        fields.AddRange(channelFields);
        if (labelField is not null) fields.Add(labelField);

        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, null, false, cancellationToken);
        for (var start = 0; start < series.Rows; start += rowGroupRows)
        {
            var count = Math.Min(rowGroupRows, series.Rows - start);
            using var group = writer.CreateRowGroup();
            if (timeField is not null)
                await group.WriteAsync<double>(timeField, series.Timestamps.AsMemory(start, count), null, null, cancellationToken);
            var column = new float[count];
            for (var c = 0; c < channelFields.Length; c++)
            {
                for (var r = 0; r < count; r++) column[r] = series[start + r, c];
                await group.WriteAsync<float>(channelFields[c], column, null, null, cancellationToken);
            }
            if (labelField is not null)
                await group.WriteAsync<bool>(labelField, series.Labels.AsMemory(start, count), null, null, cancellationToken);
        }
    }
}

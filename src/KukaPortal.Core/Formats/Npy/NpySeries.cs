using System.Globalization;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Turns a named NPY matrix into a series. Every column is a channel unless the options name a time,
/// label or excluded column: an NPY file is a plain matrix, so conventional names are not guessed.
/// </summary>
internal static class NpySeries
{
    public static TimeSeries Build(NpyMatrix matrix, IReadOnlyList<string> names, RecordingReadOptions options)
    {
        var layout = ColumnLayout.From(names, options, conventionalNames: false);
        var channels = layout.Channels.Select(c => c.Name).ToArray();
        if (channels.Length == matrix.Columns)
            return new TimeSeries(channels, matrix.Values);

        var values = new float[(long)matrix.Rows * channels.Length];
        var times = layout.TimestampIndex is null ? null : new double[matrix.Rows];
        var labels = layout.LabelIndex is null ? null : new bool[matrix.Rows];
        for (var r = 0; r < matrix.Rows; r++)
        {
            var row = matrix.Values.AsSpan(r * matrix.Columns, matrix.Columns);
            for (var c = 0; c < channels.Length; c++) values[(long)r * channels.Length + c] = row[layout.Channels[c].Index];
            if (layout.TimestampIndex is { } t) times![r] = row[t];
            if (layout.LabelIndex is { } l) labels![r] = Label(row[l], r, names[l]);
        }
        return new TimeSeries(channels, values, times, labels);
    }

    private static bool Label(float value, int row, string column) => value switch
    {
        0 => false,
        1 => true,
        _ => throw new RecordingFormatException(RecordingErrorKind.BadLabel,
            string.Create(CultureInfo.InvariantCulture, $"Row {row + 1} holds {value}, which is not a label (0/1 or true/false)."), column: column),
    };
}

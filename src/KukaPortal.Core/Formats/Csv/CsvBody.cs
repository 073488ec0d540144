using System.Globalization;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>Gathers the rows of all blocks in order and builds the series once at the end.</summary>
internal sealed class CsvBody(ColumnLayout layout, ReadLimits limits)
{
    private readonly SegmentedBuffer<float> _values = new();
    private readonly SegmentedBuffer<double>? _times = layout.TimestampIndex is null ? null : new();
    private readonly SegmentedBuffer<bool>? _labels = layout.LabelIndex is null ? null : new();

    public long Rows { get; private set; }

    public CsvRows NewRows() => new(layout.Channels.Count, _times is not null, _labels is not null);

    public void Add(CsvRows rows)
    {
        _values.Append(rows.Values);
        _times?.Append(rows.Times);
        _labels?.Append(rows.Labels);
        Rows += rows.Count;
        rows.Clear();
        if (_values.Count > limits.MaxValues || _values.Count > Array.MaxLength)
            throw new RecordingFormatException(RecordingErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The file holds more than {Math.Min(limits.MaxValues, Array.MaxLength):N0} values, the most one recording may have."));
    }

    public TimeSeries ToSeries() =>
        new(layout.Channels.Select(c => c.Name).ToArray(), _values.ToArray(), _times?.ToArray(), _labels?.ToArray());
}

using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace KukaPortal.Core.Formats;

/// <summary>The time column of a Parquet file as seconds: numbers as they are, date-times and durations from the first row.</summary>
internal sealed class ParquetTimes(DataField field, long rows)
{
    private readonly bool _ticks = ParquetColumn.IsTime(field.ClrType);
    private long? _originTicks;

    public double[] Seconds { get; } = new double[rows];

    public async Task ReadAsync(ParquetRowGroupReader group, long offset, CancellationToken cancellationToken)
    {
        if (_ticks)
        {
            var ticks = new long[group.RowCount];
            await ParquetColumn.ReadTicksAsync(group, field, ticks, cancellationToken);
            for (var r = 0; r < ticks.Length; r++)
            {
                if (ticks[r] == long.MinValue) throw Missing(offset + r);
                _originTicks ??= ticks[r];
                Seconds[offset + r] = (ticks[r] - _originTicks.Value) / (double)TimeSpan.TicksPerSecond;
            }
        }
        else
        {
            var seconds = new double[group.RowCount];
            await ParquetColumn.ReadAsync(group, field, seconds, cancellationToken);
            for (var r = 0; r < seconds.Length; r++)
            {
                if (double.IsNaN(seconds[r])) throw Missing(offset + r);
                Seconds[offset + r] = seconds[r];
            }
        }
    }

    private RecordingFormatException Missing(long row) =>
        new(RecordingErrorKind.BadTime, string.Create(CultureInfo.InvariantCulture, $"Row {row + 1} has no time."), column: field.Name);
}

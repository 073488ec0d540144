using KukaPortal.Core.Series;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Web.Streaming;

/// <summary>
/// Plays a stored recording back as if the machine were sending it: a row is due once the wall time
/// since the replay (re)started, times the speed, reaches the row's recorded time. A looping replay
/// counts rows through the loops and shifts each lap's times by one recording length, so stream
/// time keeps increasing.
/// </summary>
public sealed class ReplaySource : IStreamSource
{
    /// <summary>Rows of a recording without a time column are taken to be one controller cycle apart.</summary>
    private const double FallbackPeriodSeconds = 1.0 / RobotSimulationOptions.KukaIpoRateHz;

    private readonly TimeSeries _series;
    private readonly double _speed;
    private readonly bool _loop;
    private readonly TimeProvider _time;
    private readonly long _anchorTimestamp;
    private readonly double _anchorStreamSeconds;
    private readonly double _firstSeconds;
    private readonly double _lapSeconds;

    public ReplaySource(TimeSeries series, double speed, bool loop, long startRow, TimeProvider time)
    {
        _series = series;
        _speed = speed;
        _loop = loop;
        _time = time;
        _firstSeconds = series.TimeOf(0, FallbackPeriodSeconds);
        var span = series.TimeOf(series.Rows - 1, FallbackPeriodSeconds) - _firstSeconds;
        _lapSeconds = series.Rows > 1 ? span + span / (series.Rows - 1) : FallbackPeriodSeconds;
        _anchorTimestamp = time.GetTimestamp();
        _anchorStreamSeconds = StreamSeconds(startRow);
    }

    public IReadOnlyList<string> Channels => _series.Channels;

    public Task<StreamRows> ReadAsync(long fromRow, int maxRows, CancellationToken ct)
    {
        var rows = _series.Rows;
        if (!_loop && fromRow >= rows) return Task.FromResult(StreamRows.None(ended: true));

        var due = _anchorStreamSeconds + _time.GetElapsedTime(_anchorTimestamp).TotalSeconds * _speed;
        var limit = _loop ? long.MaxValue : rows;
        var end = fromRow;
        while (end < limit && end - fromRow < maxRows && StreamSeconds(end) <= due) end++;

        var count = (int)(end - fromRow);
        var channels = _series.ChannelCount;
        var values = new float[count * channels];
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var row = (int)((fromRow + i) % rows);
            Array.Copy(_series.Values, row * channels, values, i * channels, channels);
            times[i] = StreamSeconds(fromRow + i);
        }
        return Task.FromResult(new StreamRows(values, times, Ended: !_loop && end >= rows));
    }

    private double StreamSeconds(long streamRow)
    {
        var lap = streamRow / _series.Rows;
        var row = (int)(streamRow % _series.Rows);
        return _series.TimeOf(row, FallbackPeriodSeconds) - _firstSeconds + lap * _lapSeconds;
    }

    /// <summary>A replay reads its recording and stores no chunks.</summary>
    public long? ChunksFrom(long savedRow) => null;

    /// <summary>Nothing to let go of: the recording is the pipeline's.</summary>
    public void Dispose()
    {
    }
}

using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Streaming;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Reconstruction;

/// <summary>
/// The raw rows a stored window was cut from, found through its run: a scoring or what-if job's recording
/// (the run id is the job id), a replay's recording (stream rows count through the loops), or a live
/// stream's ingested chunks, which the stream deletes once it has scored them.
/// </summary>
public sealed class WindowSamples(IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, StreamRunStore streams)
{
    /// <summary>The window's rows (and their times, seconds) in the source's channel order.</summary>
    public async Task<TimeSeries> ReadAsync(WindowScoreRow window, int rows, CancellationToken ct)
    {
        Recording? recording;
        StreamRun? stream = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var recordingId = await db.Jobs.AsNoTracking().Where(j => j.Id == window.RunId).Select(j => (int?)j.RecordingId).SingleOrDefaultAsync(ct);
            if (recordingId is null)
            {
                stream = await db.StreamRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == window.RunId, ct)
                    ?? throw new ReconstructionUnavailableException($"Run {window.RunId} is neither a scoring job nor a stream any more, so its raw samples are no longer stored.");
                recordingId = stream.RecordingId;
            }
            recording = recordingId is { } id ? await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) : null;
        }

        if (stream is { Source: StreamSource.Live })
            return await LiveRowsAsync(stream, window.StartRow, rows, ct);
        if (recording is null)
            throw new ReconstructionUnavailableException($"The recording run {window.RunId} scored has been deleted, so its raw samples are no longer stored.");

        var series = await Task.Run(() => loader.Load(recording), ct);
        // A scoring job's rows are the recording's; a replay's stream rows wrap around the recording on every lap.
        return Slice(series, window.StartRow, rows, wrap: stream is not null);
    }

    private static TimeSeries Slice(TimeSeries series, int startRow, int rows, bool wrap)
    {
        if (!wrap && startRow + rows > series.Rows)
            throw new ReconstructionUnavailableException($"The recording has {series.Rows} rows; the window's rows {startRow}..{startRow + rows} are not in it.");
        var width = series.ChannelCount;
        var values = new float[rows * width];
        var times = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = (startRow + i) % series.Rows;
            Array.Copy(series.Values, row * width, values, i * width, width);
            times[i] = series.TimeOf(row);
        }
        return new TimeSeries(series.Channels, values, times);
    }

    private async Task<TimeSeries> LiveRowsAsync(StreamRun stream, long startRow, int rows, CancellationToken ct)
    {
        var chunks = await streams.ReadChunksAsync(stream.Id, startRow, rows, chunksFrom: null, ct);
        var width = stream.Channels.Length;
        var values = new List<float>(rows * width);
        var times = new List<double>(rows);
        var next = startRow;
        foreach (var chunk in chunks)
        {
            if (chunk.FirstRow > next || times.Count >= rows) break;
            var skip = (int)(next - chunk.FirstRow);
            var take = Math.Min(chunk.Rows - skip, rows - times.Count);
            values.AddRange(chunk.Values.AsSpan(skip * width, take * width));
            times.AddRange(chunk.Timestamps.AsSpan(skip, take));
            next += take;
        }
        if (times.Count < rows)
            throw new ReconstructionUnavailableException("The live samples of this window are no longer stored: a stream deletes its ingested samples once it has scored them.");
        return new TimeSeries(stream.Channels, values.ToArray(), times.ToArray());
    }
}

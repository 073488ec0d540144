using KukaPortal.Core.Alarms;
using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Core.Streaming;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Data.Streams;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Streaming;

/// <summary>
/// Scores an asset's running streams continuously, on the node that owns the asset. Each tick (or sooner,
/// when ingest on this node stored a chunk: <see cref="StreamWakeups"/>), every
/// running stream hands over its due rows; complete windows are scored in batches with the asset's
/// active model on the torch thread, run through the alarm rule, stored and pushed like batch scores
/// (<see cref="ScoreBatchPublisher"/>), and the stream's position is saved. The detector is loaded once
/// per model and reloaded when the active model changes; streams then restart their windows at the
/// saved position, as after a takeover. Settings changes reach running streams at the next tick: a new
/// threshold override reloads the detector (windows continue where they are), a new K-of-N alarm rule is
/// rebuilt from the run's stored decisions. Returns when the asset has no running stream left.
/// </summary>
public sealed class AssetStreamPipeline(
    int assetId, StreamRunStore store, IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, TorchExecutor torch, TorchStatus torchStatus, BlobStore blobs,
    ScoreBatchPublisher publisher, ModelChannelNames channelNames, MonitoringNotifier notifier, StreamWakeups wakeups, RecentChunks recentChunks, StreamingOptions options, int batchSize, TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    private sealed record LoadedModel(int Id, double Threshold, Detector Detector);

    private sealed class RunCursor(IStreamSource source, RunClock clock, WindowFormer former, OnDelayAlarmRule rule, long fedRow)
    {
        public IStreamSource Source => source;
        public RunClock Clock => clock;
        public WindowFormer Former => former;
        public OnDelayAlarmRule Rule { get; set; } = rule;
        public long FedRow { get; set; } = fedRow;
        /// <summary>The position the last stored batch saved (the run's position when it was opened).</summary>
        public long SavedRow { get; set; } = fedRow;
        public DateTimeOffset LastDataAt { get; set; }
        public bool ReportedNoData { get; set; }
    }

    private readonly Dictionary<Guid, RunCursor> _cursors = [];
    private LoadedModel? _model;

    public async Task RunAsync(CancellationToken ct)
    {
        ActiveStreams? active = null;
        var readAt = DateTimeOffset.MinValue;
        var woken = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            // A wake-up between two ticks steps the streams as they were read at the last tick: at 20 chunks a second
            // per asset, reading them and the asset's settings again for every chunk cost two queries a chunk. New and
            // stopped runs and settings changes are still seen at the next tick; a run that ended is read again at once.
            if (active is null || !woken || time.GetUtcNow() - readAt >= options.Tick)
            {
                active = await store.LoadActiveAsync(assetId, ct);
                readAt = time.GetUtcNow();
                if (active.Runs.Count == 0) return;
            }
            if (active.Asset.ActiveModel is { } model && torchStatus.Info.Available)
            {
                await EnsureModelAsync(model);
                foreach (var gone in _cursors.Keys.Where(id => active.Runs.All(r => r.Id != id)).ToList())
                    Close(gone);
                var ended = false;
                foreach (var run in active.Runs)
                    ended |= await StepAsync(active.Asset, model, run, ct);
                if (ended) active = null;
            }
            // Ingest on this node wakes the pipeline as soon as a chunk is stored; replays and chunks that
            // reached another node wait for the tick.
            woken = await wakeups.WaitAsync(assetId, options.Tick, ct);
        }
    }

    /// <returns>Whether the run ended (a replay reached the end of its recording).</returns>
    private async Task<bool> StepAsync(Asset asset, DetectorModel model, StreamRun run, CancellationToken ct)
    {
        if (!_cursors.TryGetValue(run.Id, out var cursor))
            _cursors[run.Id] = cursor = await OpenAsync(asset, run, ct);
        else if (cursor.Rule.K != asset.AlarmOnDelayK || cursor.Rule.N != asset.AlarmOnDelayN)
            cursor.Rule = await RuleAsync(asset, run.Id, ct);

        var rows = await cursor.Source.ReadAsync(cursor.FedRow, options.MaxRowsPerTick, ct);
        await ReportDataFlowAsync(run, cursor, rows.Count > 0);
        var windows = cursor.Former.Append(rows.Values, rows.Timestamps);
        cursor.FedRow += rows.Count;
        // Each batch saves the position after its last window in its own transaction (one commit per batch, and the
        // stored windows never run ahead of the saved position); the step that ends a replay also marks it finished.
        for (var start = 0; start < windows.Count; start += batchSize)
        {
            var batch = windows.Skip(start).Take(batchSize).ToArray();
            var after = new StreamProgress(batch[^1].Index + 1, batch[^1].StartRow + cursor.Former.Stride, cursor.Source.ChunksFrom(cursor.SavedRow));
            await ScoreAndPublishAsync(run, model, cursor, batch, after, ct);
            cursor.SavedRow = after.NextRow;
        }
        if (!rows.Ended) return false;
        await store.FinishAsync(run.Id, new StreamProgress(cursor.Former.NextWindowIndex, cursor.Former.NextWindowStartRow), ct);
        Close(run.Id);
        logger.LogInformation("Replay {RunId} of asset {AssetId} reached the end of its recording", run.Id, assetId);
        return true;
    }

    private async Task<RunCursor> OpenAsync(Asset asset, StreamRun run, CancellationToken ct)
    {
        // Window times: live samples carry epoch seconds; a replay happens from the run's start on, so a
        // re-scored window gets the same time (and key) as before.
        IStreamSource source;
        RunClock clock;
        if (run.Source == StreamSource.Replay)
        {
            var recording = await Task.Run(() => loader.Load(run.Recording!), ct);
            source = new ReplaySource(recording, run.Speed, run.Loop, run.NextRow, time);
            clock = new RunClock(run.CreatedAt, recording.TimeOf(0));
        }
        else
        {
            source = new LiveSource(store, recentChunks, run.Id, run.Channels);
            clock = new RunClock(DateTimeOffset.UnixEpoch, 0);
        }
        var detector = _model!.Detector;
        var former = new WindowFormer(source.Channels.Count, detector.Window, detector.Metadata.ScoringStride, run.NextRow, run.NextWindowIndex);
        var rule = await RuleAsync(asset, run.Id, ct);
        logger.LogInformation("Asset {AssetId}: {Source} stream {RunId} resumes at window {Window} (row {Row})",
            assetId, run.Source, run.Id, run.NextWindowIndex, run.NextRow);
        return new RunCursor(source, clock, former, rule, run.NextRow) { LastDataAt = time.GetUtcNow() };
    }

    private void Close(Guid runId)
    {
        if (_cursors.Remove(runId, out var cursor)) cursor.Source.Dispose();
    }

    private void CloseAll()
    {
        foreach (var runId in _cursors.Keys.ToList()) Close(runId);
    }

    /// <summary>
    /// The asset's alarm rule as it stood after the run's last stored window, the same way a resumed scoring
    /// job rebuilds it; with a changed K or N it is the new rule fed the stored decisions.
    /// </summary>
    private async Task<OnDelayAlarmRule> RuleAsync(Asset asset, Guid runId, CancellationToken ct) =>
        (await ScoringResume.LoadAsync(dbFactory, runId, asset.AlarmOnDelayN, ct)).Rule(asset.AlarmOnDelayK, asset.AlarmOnDelayN);

    /// <summary>Tells dashboards once when a stream goes quiet for <see cref="StreamingOptions.StaleAfter"/>, and once when data comes back.</summary>
    private async Task ReportDataFlowAsync(StreamRun run, RunCursor cursor, bool gotRows)
    {
        var now = time.GetUtcNow();
        if (gotRows)
        {
            cursor.LastDataAt = now;
            if (!cursor.ReportedNoData) return;
            cursor.ReportedNoData = false;
            await notifier.AssetStatusAsync(new AssetStatusChanged(assetId, run.Id, "Receiving", 0, "Data is arriving again."));
            return;
        }
        var quiet = now - cursor.LastDataAt;
        if (cursor.ReportedNoData || quiet < options.StaleAfter) return;
        cursor.ReportedNoData = true;
        await notifier.AssetStatusAsync(new AssetStatusChanged(assetId, run.Id, "NoData", Math.Round(quiet.TotalSeconds),
            $"No data for {quiet.TotalSeconds:F0} s."));
    }

    private async Task ScoreAndPublishAsync(StreamRun run, DetectorModel model, RunCursor cursor, FormedWindow[] windows, StreamProgress progress, CancellationToken ct)
    {
        var detector = _model!.Detector;
        var channels = cursor.Source.Channels;
        var scores = await torch.RunAsync(TorchPriority.Live, () => Score(detector, channels, windows));

        var scored = new List<ScoredWindow>(windows.Length);
        var changes = new List<(int, ConditionChange)>();
        for (var i = 0; i < windows.Length; i++)
        {
            var (window, score) = (windows[i], scores[i]);
            var above = score.AboveThreshold;
            scored.Add(new ScoredWindow(window.Index, ClampRow(window.StartRow), ClampRow(window.EndRow(detector.Window)),
                window.StartSeconds, window.EndSeconds, score.Score, score.Calibrated, above, cursor.Clock.At(window.EndSeconds), score.ChannelErrors));
            var change = cursor.Rule.Push(above);
            if (change != ConditionChange.None) changes.Add((window.Index, change));
        }
        // The run id takes the job id's place: ON CONFLICT (run, window index) makes a re-scored window a no-op.
        await publisher.PublishAsync(new ScoreBatch(assetId, run.Id, model.Id, scored, changes, Progress: progress), ct);
    }

    /// <summary>Runs on the torch thread: the windows laid end to end and scored at stride W are exactly the formed windows.</summary>
    private static WindowScore[] Score(Detector detector, IReadOnlyList<string> channels, FormedWindow[] windows)
    {
        var values = new float[windows.Length * windows[0].Values.Length];
        for (var i = 0; i < windows.Length; i++)
            windows[i].Values.CopyTo(values, i * windows[i].Values.Length);
        var series = new TimeSeries(channels, values);
        // A step's few windows are too small to share out: one libtorch thread does them with less CPU than two.
        using var oneThread = LibtorchThreadCount.Set(1);
        return detector.ScoreBatches(series, stride: detector.Window, batchSize: windows.Length).SelectMany(b => b).ToArray();
    }

    private async Task EnsureModelAsync(DetectorModel model)
    {
        if (_model?.Id == model.Id && _model.Threshold == model.EffectiveThreshold) return;
        // Another model restarts the windows (its W and stride may differ); only a new threshold keeps them.
        if (_model?.Id != model.Id) CloseAll();
        await UnloadAsync();
        var detector = await torch.RunAsync(TorchPriority.Live, () => AssetDetector.Load(blobs, model, torchStatus.Info.ToDevice()));
        _model = new LoadedModel(model.Id, model.EffectiveThreshold, detector);
        // The names the stored channel contributions are ordered by.
        await channelNames.RecordAsync(model.Id, detector.Preprocessing.OutputChannels, CancellationToken.None);
        logger.LogInformation("Asset {AssetId} streams score with model v{Version} at threshold {Threshold}", assetId, model.Version, model.EffectiveThreshold);
    }

    private async Task UnloadAsync()
    {
        if (_model is not { } loaded) return;
        _model = null;
        await torch.RunAsync(TorchPriority.Live, () => loaded.Detector.Dispose());
    }

    private static int ClampRow(long row) => (int)Math.Min(row, int.MaxValue);

    public async ValueTask DisposeAsync()
    {
        CloseAll();
        await UnloadAsync();
    }
}

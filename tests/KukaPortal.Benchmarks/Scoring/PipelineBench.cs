using System.Globalization;
using KukaPortal.Benchmarks.Harness;
using KukaPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// Suite 2: windows/s of the portal's whole scoring path for a stored recording with the trained default model,
/// as the worker runs it (a score job: ScoreJobHandler → BatchScoringPipeline → ScoreBatchPublisher), against the raw
/// forward pass of the same model and batch size, measured in pairs: each job is followed by each stage alone, with the
/// portal's own services (so that the bottleneck is visible), the raw forward among them. The ratio is the median pair's.
/// </summary>
public sealed class PipelineBench(TextWriter progress)
{
    public async Task<BenchSuiteReport> RunAsync(BenchArgs args)
    {
        var rows = args.Int("--rows", 275_000, 300, 5_000_000);
        var trainRows = args.Int("--train-rows", 20_000, 300, 1_000_000);
        var repeat = args.Int("--repeat", 5, 1, 20);
        var settings = ScoringBenchSettings.From(args);
        args.RejectUnknown("pipeline");
        var loadBefore = BenchSuiteReport.LoadAverage();
        var folder = Directory.CreateTempSubdirectory("kukaportal-bench-pipeline-");
        try
        {
            await using var portal = new ScoringBenchPortal(settings);
            await portal.InitializeAsync();
            using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            using var asset = await BenchAsset.CreateAsync(portal, session, "Pipeline bench robot");
            progress.WriteLine($"Training the default model ({settings.TrainingIterations} iterations on {trainRows:N0} rows) …");
            await asset.TrainAsync(await asset.UploadAsync(BenchRecording.WriteCsv(folder.FullName, "normal.csv", trainRows, seed: 1), "normal"));
            progress.WriteLine($"Uploading a {rows:N0}-row recording to score …");
            var recordingId = await asset.UploadAsync(BenchRecording.WriteCsv(folder.FullName, "scoring.csv", rows, seed: 2), "scoring");

            var stages = new PipelineStages(portal.Services, asset.Id, settings.ScoringBatch);
            var pairs = await MeasurePairsAsync(portal, asset, stages, recordingId, repeat);

            var command = $"./kukaportal bench pipeline {string.Join(' ', args.Effective)}";
            return new BenchSuiteReport("pipeline", command, DateTimeOffset.UtcNow, BenchSuiteReport.DescribeMachine(portal.Services), loadBefore, BenchSuiteReport.LoadAverage(),
                Rows(pairs, settings), Notes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// One warm-up job and stages pass, then <paramref name="repeat"/> pairs: a score job (the job row's started → finished
    /// time), then each stage alone, the raw forward among them. A pair is measured within seconds, so the ratio of a
    /// pair compares the two under the same state of this shared machine, whose speed swings between minutes.
    /// </summary>
    private async Task<List<MeasuredPair>> MeasurePairsAsync(ScoringBenchPortal portal, BenchAsset asset, PipelineStages stages, int recordingId, int repeat)
    {
        var pairs = new List<MeasuredPair>();
        for (var run = 0; run <= repeat; run++)
        {
            progress.WriteLine(run == 0 ? "Score job and stages (warm-up) …" : $"Score job and stages, pair {run} of {repeat} …");
            var cpuBefore = CpuReading.Now();
            var job = await asset.WaitAsync(await asset.QueueScoreAsync(recordingId), TimeSpan.FromMinutes(30));
            var cpu = CpuReading.Now() - cpuBefore;
            var seconds = (job.FinishedAt!.Value - job.StartedAt!.Value).TotalSeconds;
            // The job's windows as stored: a job that skipped work would show here, not as a fast job.
            var windows = await portal.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == job.Id));
            var pipeline = portal.PipelineLog.Last ?? throw new InvalidOperationException("The score job's pipeline logged no timings.");
            var torchSide = portal.PipelineLog.LastTorchSide ?? throw new InvalidOperationException("The score job's torch thread logged no timings.");
            var times = await stages.MeasureAsync(recordingId);
            if (times.Windows != windows)
                throw new InvalidOperationException($"The stages scored {times.Windows} windows, the job stored {windows}.");
            if (run > 0)
                pairs.Add(new MeasuredPair(windows, seconds, cpu, pipeline, torchSide, times));
        }
        return pairs;
    }

    private static List<BenchRow> Rows(List<MeasuredPair> pairs, ScoringBenchSettings settings)
    {
        // The pair with the median ratio speaks for the run: its job's breakdown and its stages are reported.
        var byRatio = pairs.OrderBy(p => p.Ratio).ToList();
        var median = byRatio[(byRatio.Count - 1) / 2];
        var (windows, job, torchSide, times) = (median.Windows, median.Pipeline, median.TorchSide, median.Stages);
        var full = median.FullPath;
        var forward = median.RawForward;
        var ratio = median.Ratio;
        var sum = times.All.Sum(s => s.Time.TotalSeconds);
        var range = Invariant($"{byRatio[0].Ratio:N3}–{byRatio[^1].Ratio:N3}");
        var rows = new List<BenchRow>
        {
            new("Full scoring path (score job)", "ScoreJobHandler → BatchScoringPipeline → ScoreBatchPublisher", full, "windows/s",
                Invariant($"{windows:N0} windows in {median.JobSeconds:N3} s, job started → finished; the median pair's (all {pairs.Count}: {Each(pairs, p => p.FullPath)})")),
            new(Invariant($"Raw forward, batch {settings.ScoringBatch}"), "WindowModel.forward", forward, "windows/s",
                Invariant($"{windows:N0} windows in {times.Forward.TotalSeconds:N3} s, same model and batches, seconds after the job (all {pairs.Count}: {Each(pairs, p => p.RawForward)})")),
            new("Full path ÷ raw forward", "", ratio, "",
                Invariant($"median of {pairs.Count} pairs (job, then the raw forward); each pair: {string.Join(", ", byRatio.Select(p => p.Ratio.ToString("N3", CultureInfo.InvariantCulture)))}; range {range}"),
                "≥ 0.7", ratio >= 0.7),
        };
        if (median.Stages.ForwardOnLanes is not null)
        {
            var lanes = median.Stages.Lanes;
            rows.Add(new(Invariant($"Raw forward, batch {settings.ScoringBatch}, {lanes} side by side"), "TorchLanes.InOrder → WindowModel.forward", median.RawForwardOnLanes, "windows/s",
                Invariant($"the same batches on the job's {lanes} lanes, one torch thread each, as the job runs them (ADR 0011) (all {pairs.Count}: {Each(pairs, p => p.RawForwardOnLanes)})")));
            rows.Add(new("Full path ÷ side-by-side forward", "", median.RatioToLanes, "",
                Invariant($"the same pairs against the forward done the job's way: what the rest of the path costs (each: {string.Join(", ", pairs.Select(p => p.RatioToLanes).Order().Select(r => r.ToString("N3", CultureInfo.InvariantCulture)))})")));
        }
        var cpu = median.Cpu;
        rows.AddRange(
        [
            new("Job: machine busy", "/proc/stat, all cores", cpu.BusyPercent, "%",
                Invariant($"of {cpu.MachineSeconds:N2} CPU-s while waiting for the job (queued → finished, polled); steal {cpu.StealPercent:N1} %; the portal's process {cpu.ProcessSeconds:N2} CPU-s, PostgreSQL {cpu.PostgresSeconds:N2}")),
            new("Job: torch thread busy", "BatchScoringPipeline log", job.TorchSeconds, "s",
                Invariant($"of the job's {job.Seconds:N3} s pipeline: load the model, score every batch, wait for room in the channel")),
            new("Job: store + push", "BatchScoringPipeline log", job.StoreSeconds, "s", "ScoreBatchPublisher.PublishAsync of every batch"),
            new("Job: storage waiting for torch", "BatchScoringPipeline log", job.WaitSeconds, "s", "high: torch is the bottleneck; low: storage is"),
            new("Job torch thread: load the model", "ScoreJobHandler log", torchSide.LoadSeconds, "s", "read the artifact, record the contribution channels' names"),
            new("Job torch thread: align, scale, slice", "ScoreJobHandler log", torchSide.PrepareSeconds, "s",
                Invariant($"once per job, before the first batch; of which GC pauses {torchSide.PrepareGcSeconds:N3} s")),
            new("Job torch thread: score batches", "ScoreJobHandler log", torchSide.ScoreSeconds, "s", "window tensors, forward, contributions, copy out; with lanes (ADR 0011) the wait for their results in order"),
            new("Job torch thread: window records", "ScoreJobHandler log", torchSide.RecordSeconds, "s", "ScoredWindow per window and the alarm rule"),
            new("Job torch thread: live streams", "ScoreJobHandler log", torchSide.StreamSeconds, "s", "higher-priority torch work run between batches"),
            new("Job torch thread: waiting for room", "ScoreJobHandler log", torchSide.RoomSeconds, "s", "the channel to storage full: storage is behind"),
        ]);
        rows.AddRange(times.All.Select(s => new BenchRow($"Stage: {s.Stage}", s.Code, windows / s.Time.TotalSeconds, "windows/s",
            Invariant($"{s.Time.TotalSeconds:N3} s, {s.Time.TotalSeconds / sum:P0} of the stages' {sum:N3} s"))));
        return rows;
    }

    private static readonly string[] Notes =
    [
        "The full path runs the torch thread and storage at the same time (a channel of 4 batches between them), so it can take less than the stages' sum; " +
        "it also includes what the stages leave out: the job's queries, loading the model artifact, the alarm rule and progress reports.",
        "Push: no dashboard is connected, so the step is the portal's real push call (MonitoringNotifier → WindowPushThrottle → the hub group) with nobody to deliver to; " +
        "`bench kuka` measures delivery to a connected SignalR client.",
        "Store: each batch is one transaction (lock the asset, look up already-stored windows, binary COPY, score_rollups upsert, commit).",
    ];

    private static string Each(List<MeasuredPair> pairs, Func<MeasuredPair, double> value) =>
        string.Join(", ", pairs.Select(p => value(p).ToString("N0", CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A score job and, seconds later, each stage alone on the same recording.</summary>
    private sealed record MeasuredPair(int Windows, double JobSeconds, CpuReading Cpu, PipelineRun Pipeline, TorchSideRun TorchSide, PipelineStageTimes Stages)
    {
        public double FullPath => Windows / JobSeconds;
        public double RawForward => Windows / Stages.Forward.TotalSeconds;
        public double Ratio => FullPath / RawForward;
        public double RawForwardOnLanes => Stages.ForwardOnLanes is { } time ? Windows / time.TotalSeconds : double.NaN;
        public double RatioToLanes => FullPath / RawForwardOnLanes;
    }
}

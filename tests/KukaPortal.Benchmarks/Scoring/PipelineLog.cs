using System.Collections.Concurrent;
using KukaPortal.Web.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// Keeps the line BatchScoringPipeline logs at the end of every run (torch thread, store and push, storage waiting),
/// so the bench can show where a real score job spent its time, not only what the stages take alone.
/// </summary>
public sealed class PipelineLog : ILoggerProvider
{
    public static readonly string Category = typeof(BatchScoringPipeline).FullName!;

    /// <summary>ScoreJobHandler logs where its torch thread's time went.</summary>
    public static readonly string TorchSideCategory = typeof(ScoreJobHandler).FullName!;

    private readonly ConcurrentQueue<PipelineRun> _runs = new();
    private readonly ConcurrentQueue<TorchSideRun> _torchSides = new();

    public PipelineRun? Last => _runs.LastOrDefault();

    public TorchSideRun? LastTorchSide => _torchSides.LastOrDefault();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? new Capture<PipelineRun>(_runs, "TorchSeconds", v =>
            new PipelineRun((double)v["Seconds"]!, (double)v["TorchSeconds"]!, (double)v["StoreSeconds"]!, (double)v["WaitSeconds"]!))
        : categoryName == TorchSideCategory ? new Capture<TorchSideRun>(_torchSides, "ScoreSeconds", v =>
            new TorchSideRun((double)v["LoadSeconds"]!, (double)v["PrepareSeconds"]!, (double)v["PrepareGcSeconds"]!, (double)v["ScoreSeconds"]!,
                (double)v["RecordSeconds"]!, (double)v["StreamSeconds"]!, (double)v["RoomSeconds"]!))
        : NullLogger.Instance;

    public void Dispose()
    {
    }

    /// <summary>Turns the structured values of the log line that carries <paramref name="marker"/> into a run.</summary>
    private sealed class Capture<TRun>(ConcurrentQueue<TRun> runs, string marker, Func<IReadOnlyDictionary<string, object?>, TRun> read) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> values) return;
            var named = values.ToDictionary(v => v.Key, v => v.Value);
            if (named.ContainsKey(marker)) runs.Enqueue(read(named));
        }
    }
}

/// <summary>A score job's torch thread, step by step (ScoreJobHandler's log line).</summary>
public sealed record TorchSideRun(double LoadSeconds, double PrepareSeconds, double PrepareGcSeconds, double ScoreSeconds, double RecordSeconds, double StreamSeconds, double RoomSeconds);

/// <param name="Seconds">The pipeline from the first batch's start to the last batch stored.</param>
/// <param name="WaitSeconds">The storage side waiting for the torch side's next batch.</param>
public sealed record PipelineRun(double Seconds, double TorchSeconds, double StoreSeconds, double WaitSeconds);

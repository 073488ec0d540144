using System.Globalization;
using KukaPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// The portal on a loopback Kestrel port and a throwaway database with the production model and scoring settings
/// (appsettings.json: W = 30, latent 30, base width 8, 256 windows per scoring batch, torch on every core), so the
/// scored model is the default one. Only training is shortened: the iterations do not change the network that scores.
/// </summary>
public sealed class ScoringBenchPortal : PortalFactory
{
    private readonly ScoringBenchSettings _bench;

    public ScoringBenchPortal(ScoringBenchSettings bench)
    {
        _bench = bench;
        UseKestrel(0);
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>What each scoring run's pipeline logged about its time.</summary>
    public PipelineLog PipelineLog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // A filter of its own: the other providers stay at Warning, so nothing reaches the bench's stdout.
        builder.ConfigureLogging(logging => logging.AddProvider(PipelineLog)
            .AddFilter<PipelineLog>(PipelineLog.Category, LogLevel.Information)
            .AddFilter<PipelineLog>(PipelineLog.TorchSideCategory, LogLevel.Information));
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Urls"] = "http://127.0.0.1:0";
            settings["Training:Window"] = "30";
            settings["Training:Latent"] = "30";
            settings["Training:BaseWidth"] = "8";
            settings["Training:BatchSize"] = "64";
            settings["Training:Iterations"] = Invariant(_bench.TrainingIterations);
            settings["Worker:ScoringBatchSize"] = Invariant(_bench.ScoringBatch);
            settings["Worker:CheckpointEvery"] = "200";
            // 0 = libtorch's default (every core), as in production.
            settings["Torch:Threads"] = Invariant(_bench.TorchThreads);
            // 0 = one lane per torch thread, as in production; 1 = one batch at a time (ADR 0011).
            settings["Torch:ScoringLanes"] = Invariant(_bench.ScoringLanes);
            settings["Logging:LogLevel:Default"] = "Warning";
            return settings;
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <param name="TrainingIterations">Iterations of the default model's training (setup, never timed).</param>
/// <param name="ScoringBatch">Windows per forward pass and stored batch (Worker:ScoringBatchSize).</param>
/// <param name="TorchThreads">Torch:Threads; 0 lets libtorch use every core.</param>
/// <param name="ScoringLanes">Torch:ScoringLanes; 0 scores one batch per torch thread side by side, 1 one batch at a time.</param>
public sealed record ScoringBenchSettings(int TrainingIterations, int ScoringBatch, int TorchThreads, int ScoringLanes)
{
    public static ScoringBenchSettings From(BenchArgs args) => new(
        args.Int("--train-iterations", 50, 1, 100_000),
        args.Int("--batch", 256, 1, 4096),
        args.Int("--torch-threads", 0, 0, 256),
        args.Int("--scoring-lanes", 0, 0, 256));
}

using System.Diagnostics;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;
using KukaPortal.Core.Simulation;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using TorchSharp;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// Suite 6 of issue 8: training iterations/s of each gradient-trained time-series family at its paper defaults, on a
/// simulated normal recording scaled as training scales it. Each iteration is the portal's own step
/// (<see cref="ModelCatalog.Step"/> on a <see cref="BatchSampler"/> batch, in a dispose scope and a no-GC region, as
/// <c>GradientTraining</c> runs it), without the progress reports in between. The time of a full run is a projection
/// (s/it × the family's iterations); one real <see cref="DetectorTrainer"/> run of conv-ae backs it.
/// </summary>
internal sealed class TrainingBenchSuite(TrainingBenchOptions options, TextWriter progress)
{
    public TrainingBenchReport Run(MlBenchContext context, string command, BenchMachine machine)
    {
        progress.WriteLine($"Simulating {options.Rows:N0} rows of normal operation …");
        var series = RobotSimulator.Generate(new RobotSimulationOptions { Rows = options.Rows }).Series;
        var device = context.TorchDevice;
        var rows = options.Families.Select(family => Measure(family, series, device)).ToList();
        var check = options.CheckIterations > 0 ? RealRun(series, rows, device) : null;
        return new TrainingBenchReport("training", command, DateTimeOffset.UtcNow, machine, context.Finished(), options.Rows, options.Warmup, options.Iterations,
            NoGcRegionSeconds(), GC.GetTotalMemory(forceFullCollection: false), rows, check);
    }

    private TrainingBenchRow Measure(ModelFamily family, TimeSeries series, torch.Device device)
    {
        var settings = DetectorSettings.For(family);
        progress.WriteLine($"{family.Name()}: {options.Warmup} warm-up + {options.Iterations} timed iterations (W = {settings.Window}, batch {settings.BatchSize}) …");
        var scaled = PreprocessingPipeline.Fit(series, new PreprocessingOptions { Scaler = settings.Scaler }).Transform(series);
        var spans = WindowSlicer.Slice(scaled.Rows, settings.Window, settings.EffectiveStride);

        torch.manual_seed(settings.Seed);
        using var model = ModelCatalog.Create(settings, scaled.ChannelCount);
        model.to(device);
        using var step = ModelCatalog.Step(settings, model, scaled.ChannelCount, device);
        var sampler = new BatchSampler(spans.Count, settings.BatchSize, settings.Seed);
        var lastLoss = 0.0;
        void Iterate()
        {
            using var noGc = NoGcRegion.Enter();
            using var scope = torch.NewDisposeScope();
            lastLoss = step.Step(WindowBatch.ToTensor(scaled, sampler.Next(), spans, device)).Loss;
        }

        for (var i = 0; i < options.Warmup; i++)
            Iterate();
        TorchRuntime.Synchronize(device);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < options.Iterations; i++)
            Iterate();
        TorchRuntime.Synchronize(device);
        var secondsPerIteration = clock.Elapsed.TotalSeconds / options.Iterations;
        return new TrainingBenchRow(family.Name(), settings.Window, scaled.ChannelCount, settings.BatchSize, 1 / secondsPerIteration,
            settings.Iterations, secondsPerIteration * settings.Iterations, double.IsFinite(lastLoss));
    }

    /// <summary>
    /// Mean cost of entering and leaving the no-GC region every iteration runs in (its entry collects
    /// the heap). Included in the iteration times above; reported on its own because docs/performance.md asked for it to
    /// be measured. It grows with the managed heap, which in the portal is larger than in this process.
    /// </summary>
    private static double NoGcRegionSeconds()
    {
        const int tries = 20;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < tries; i++)
        {
            using var region = NoGcRegion.Enter();
        }
        return clock.Elapsed.TotalSeconds / tries;
    }

    /// <summary>
    /// The whole trainer on the same data (fit the scaler, the iterations with a report and validation every 100, the
    /// held-out scores and threshold) for <see cref="TrainingBenchOptions.CheckIterations"/> conv-ae iterations, set
    /// against what the measured s/it projects for them.
    /// </summary>
    private TrainingCheck RealRun(TimeSeries series, IReadOnlyList<TrainingBenchRow> rows, torch.Device device)
    {
        var settings = DetectorSettings.For(ModelFamily.ConvAe) with { Iterations = options.CheckIterations };
        var measured = rows.FirstOrDefault(r => r.Model == ModelFamily.ConvAe.Name()) ?? Measure(ModelFamily.ConvAe, series, device);
        progress.WriteLine($"conv-ae: one real DetectorTrainer run of {settings.Iterations} iterations …");
        var clock = Stopwatch.StartNew();
        using var detector = DetectorTrainer.Train(series, settings, device);
        var seconds = clock.Elapsed.TotalSeconds;
        return new TrainingCheck(ModelFamily.ConvAe.Name(), settings.Iterations, seconds, settings.Iterations / measured.IterationsPerSecond,
            detector.Metadata.Training.Seconds, double.IsFinite(detector.Threshold));
    }
}

/// <summary>The measurement of <c>bench training</c>.</summary>
internal sealed record TrainingBenchOptions(IReadOnlyList<ModelFamily> Families, int Rows, int Warmup, int Iterations, int CheckIterations);

/// <param name="PaperIterations">The family's default iterations (5000; 7000 for aae).</param>
/// <param name="ProjectedSeconds">s/it × <paramref name="PaperIterations"/>: a projection, not a timed run.</param>
/// <param name="FiniteLoss">The last timed iteration's loss was finite.</param>
internal sealed record TrainingBenchRow(string Model, int Window, int Channels, int Batch, double IterationsPerSecond, int PaperIterations,
    double ProjectedSeconds, bool FiniteLoss);

/// <param name="Seconds">Wall time of <c>DetectorTrainer.Train</c> from the raw series to the calibrated detector.</param>
/// <param name="ProjectedSeconds">Iterations / the measured iterations/s of the same family.</param>
/// <param name="TrainerSeconds">What the trainer itself recorded in the artifact's metadata (model fit and threshold).</param>
internal sealed record TrainingCheck(string Model, int Iterations, double Seconds, double ProjectedSeconds, double TrainerSeconds, bool FiniteThreshold);

/// <param name="NoGcRegionSeconds">Mean seconds to enter and leave one no-GC region (once per iteration), with <paramref name="ManagedHeapBytes"/> on the managed heap.</param>
internal sealed record TrainingBenchReport(string Suite, string Command, DateTimeOffset Date, BenchMachine Machine, MlBenchContext Torch,
    int SimulatedRows, int Warmup, int TimedIterations, double NoGcRegionSeconds, long ManagedHeapBytes, IReadOnlyList<TrainingBenchRow> Results, TrainingCheck? Check);

using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// Suite 1 of issue 8: windows/s of each time-series model's raw forward pass (eval mode, no_grad or inference_mode,
/// random windows already in a tensor), built by the portal's <see cref="ModelCatalog"/> at the family's default
/// settings with the window length of the row. Each row carries the model's multiply-adds per window, so its rate
/// in GFLOP/s can be set against the matmul peak measured in the same run, on the same device.
/// </summary>
internal sealed class ForwardBenchSuite(ForwardBenchOptions options, TextWriter progress)
{
    public ForwardBenchReport Run(MlBenchContext context, string command, BenchMachine machine)
    {
        progress.WriteLine($"Peak: {options.PeakSize}×{options.PeakSize} float32 matmul …");
        var device = context.TorchDevice;
        var peak = PeakMatmul.Measure(options.PeakSize, options.Repeat, device);
        // As the portal's score jobs run their batches (ADR 0011): one lane per torch thread unless told otherwise; none on a GPU.
        using var lanes = TorchLanes.ForScoring(device, options.Lanes);
        var rows = new List<ForwardBenchRow>();
        foreach (var family in options.Families)
        {
            foreach (var window in options.Windows)
            {
                var settings = DetectorSettings.For(family) with { Window = window };
                torch.manual_seed(0);
                using var model = ModelCatalog.Create(settings, options.Channels);
                model.eval();
                var macs = MultiplyAddsPerWindow(model, family, window); // traced on the CPU, before the model moves
                model.to(device);
                foreach (var batch in options.Batches)
                {
                    progress.WriteLine($"{family.Name()} W={window} batch {batch} …");
                    var (timing, finite) = Time(model, batch, window, device);
                    var windowsPerSecond = batch / timing.WallSecondsPerCall;
                    var gflops = 2.0 * macs * windowsPerSecond / 1e9;
                    // A live window is scored alone; only batches go side by side.
                    var sideBySide = lanes is not null && batch > 1 ? TimeSideBySide(model, batch, window, lanes) : (double?)null;
                    rows.Add(new ForwardBenchRow(family.Name(), window, options.Channels, batch, windowsPerSecond, 2 * macs, gflops, gflops / peak.GflopsPerSecond,
                        batch / timing.CpuSecondsPerCall, finite, sideBySide, sideBySide * 2.0 * macs / 1e9 / peak.GflopsPerSecond));
                }
            }
        }
        return new ForwardBenchReport("forward", command, DateTimeOffset.UtcNow, machine, context.Finished(), options.Repeat, options.InferenceMode ? "inference_mode" : "no_grad", peak,
            lanes?.Count ?? 1, rows);
    }

    private (TorchTimer.Timing Timing, bool Finite) Time(WindowModel model, int batch, int window, torch.Device device)
    {
        using var scope = torch.NewDisposeScope();
        using var mode = options.InferenceMode ? torch.inference_mode() : torch.no_grad();
        var input = torch.rand(batch, options.Channels, window, device: device);
        // Checked once, off the clock: ADR 0008's NaN weights came from oneDNN kernels, so a capped or uncapped run says here whether the forward pass stays finite.
        var finite = torch.isfinite(model.forward(input)).all().item<bool>();
        var timing = TorchTimer.Measure(() =>
        {
            using var call = torch.NewDisposeScope();
            model.forward(input);
        }, options.MinSeconds, options.Repeat, device);
        return (timing, finite);
    }

    /// <summary>
    /// Windows/s of the same forward passes run side by side on the lanes, one libtorch thread each, every lane taking
    /// the next batch when it is free (what a score job does, ADR 0011): each call runs two batches a lane.
    /// </summary>
    private double TimeSideBySide(WindowModel model, int batch, int window, TorchLanes lanes)
    {
        using var scope = torch.NewDisposeScope();
        var input = torch.rand(batch, options.Channels, window);
        var pieces = 2 * lanes.Count;
        var timing = TorchTimer.Measure(() =>
        {
            foreach (var _ in lanes.InOrder(pieces, (_, _) =>
            {
                using var mode = options.InferenceMode ? torch.inference_mode() : torch.no_grad();
                using var call = torch.NewDisposeScope();
                model.forward(input);
                return true;
            }, ahead: pieces))
            {
            }
        }, options.MinSeconds, options.Repeat, torch.CPU);
        return pieces * batch / timing.WallSecondsPerCall;
    }

    /// <summary>
    /// From the module shapes; PCA has no layers, its forward pass is two [W, C]×[C, C] products per window (scores, then
    /// the reconstruction), in float64. The traced output must be the window again, or the count is not to be trusted.
    /// </summary>
    private long MultiplyAddsPerWindow(WindowModel model, ModelFamily family, int window)
    {
        if (family == ModelFamily.Pca)
            return 2L * window * options.Channels * options.Channels;
        var count = FlopCounter.Of(model, options.Channels, window);
        if (count.OutputShape.Aggregate(1L, (a, d) => a * d) != (long)options.Channels * window)
            throw new InvalidOperationException($"Counting the layers of {family.Name()} ended at shape [{string.Join(", ", count.OutputShape)}], not a {options.Channels} × {window} window.");
        return count.MultiplyAdds;
    }
}

/// <summary>The grid of <c>bench forward</c>.</summary>
internal sealed record ForwardBenchOptions(
    IReadOnlyList<ModelFamily> Families, IReadOnlyList<int> Windows, IReadOnlyList<int> Batches, int Channels,
    double MinSeconds, int Repeat, int PeakSize, bool InferenceMode, int Lanes);

/// <param name="FlopsPerWindow">2 × multiply-adds of one window through the model's layers.</param>
/// <param name="FractionOfPeak">Achieved GFLOP/s over the matmul peak of the same run.</param>
/// <param name="WindowsPerCpuSecond">Windows per second of the process's CPU time (all threads): less sensitive to other load than the wall clock.</param>
/// <param name="Finite">Every output of the checked forward pass was finite.</param>
/// <param name="SideBySideWindowsPerSecond">The same batches side by side on the report's lanes; null for one window or one lane.</param>
/// <param name="SideBySideFractionOfPeak">Their GFLOP/s over the matmul peak.</param>
internal sealed record ForwardBenchRow(string Model, int Window, int Channels, int Batch, double WindowsPerSecond, long FlopsPerWindow,
    double GflopsPerSecond, double FractionOfPeak, double WindowsPerCpuSecond, bool Finite, double? SideBySideWindowsPerSecond, double? SideBySideFractionOfPeak);

/// <param name="Lanes">Batches run side by side for the rows' side-by-side figures (1: none).</param>
internal sealed record ForwardBenchReport(string Suite, string Command, DateTimeOffset Date, BenchMachine Machine, MlBenchContext Torch, int Repeat,
    string GradientMode, PeakMatmul.Result Peak, int Lanes, IReadOnlyList<ForwardBenchRow> Results);

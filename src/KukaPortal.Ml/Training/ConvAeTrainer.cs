using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;
using KukaPortal.Core.Thresholds;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.ConvAutoencoder;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>
/// Trains paper 000's convolutional autoencoder on normal data and calibrates its threshold on held-out
/// normal windows. Synchronous by design: call it on a dedicated thread, never across an await (GUIDE §4).
/// On CPU the same seed, data and thread count give the same weights.
/// </summary>
public static class ConvAeTrainer
{
    private const int ScoringBatch = 256;
    private const int MonitorWindows = 512;

    public static Detector Train(TimeSeries normal, ConvAeSettings settings, TorchDeviceOption device = TorchDeviceOption.Auto,
        Action<TrainingProgress>? onProgress = null, CancellationToken ct = default) =>
        Train(normal, settings, TorchRuntime.ResolveDevice(device), onProgress, ct);

    public static Detector Train(TimeSeries normal, ConvAeSettings settings, Device device,
        Action<TrainingProgress>? onProgress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(normal);
        settings.Validate();
        RejectNonFinite(normal);

        var stride = settings.EffectiveStride;
        var split = HoldOutSplit.Of(normal.Rows, settings.Window, stride, settings.ValidationFraction);
        var scaler = MinMaxScaler.Fit(FirstRows(normal, split.TrainingRows));
        var scaled = scaler.Transform(normal);
        var plan = ConvAePlan.For(settings.Window, normal.ChannelCount, settings.Latent, settings.BaseWidth);

        torch.manual_seed(settings.Seed);
        var model = new ConvAeModel(plan);
        try
        {
            model.to(device);
            var clock = Stopwatch.StartNew();
            var (finalLoss, finalValidation) = Optimise(model, scaled, split, settings, device, onProgress, ct);

            var heldOutScores = ReconstructionScorer.Scores(model, scaled, split.HeldOut, device, ScoringBatch);
            // A perfect reconstruction would give a zero threshold; keep calibrated scores finite.
            var threshold = Math.Max(Quantile.Of(heldOutScores, settings.ThresholdQuantile), 1e-12);

            var metadata = new ModelMetadata
            {
                FormatVersion = ModelFamilies.FormatVersion,
                Family = ModelFamilies.ConvAutoencoder,
                Hyperparameters = JsonSerializer.SerializeToElement(settings with { Stride = stride }, ArtifactJson.Options),
                Channels = normal.Channels.ToArray(),
                Scaler = new ScalerMetadata("minmax", scaler.Minimums, scaler.Maximums),
                Window = settings.Window,
                TrainingStride = stride,
                ScoringStride = settings.Window,
                Threshold = new ThresholdMetadata(threshold, $"quantile:{settings.ThresholdQuantile.ToString(CultureInfo.InvariantCulture)}"),
                Validation = ScoreSummary.Of(heldOutScores),
                Training = new TrainingSummary(split.Training.Count, split.HeldOut.Count, finalLoss, finalValidation,
                    clock.Elapsed.TotalSeconds, device.type.ToString().ToLowerInvariant()),
                TrainingDataSha256 = TrainingDataFingerprint.Of(normal),
                TorchSharpVersion = TorchSharpVersion(),
                CreatedUtc = DateTimeOffset.UtcNow,
            };
            return new Detector(model, scaler, metadata, settings with { Stride = stride }, device);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static (double Loss, double? ValidationLoss) Optimise(ConvAeModel model, TimeSeries scaled, HoldOutSplit split,
        ConvAeSettings settings, Device device, Action<TrainingProgress>? onProgress, CancellationToken ct)
    {
        using var optimizer = torch.optim.Adam(model.parameters(), settings.LearningRate);
        var sampler = new BatchSampler(split.Training.Count, settings.BatchSize, settings.Seed);
        var monitor = EvenlySpaced(split.HeldOut, MonitorWindows);

        double lossSum = 0, lastLoss = double.NaN;
        double? lastValidation = null;
        var lossCount = 0;
        for (var iteration = 1; iteration <= settings.Iterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            lossSum += Step(model, optimizer, scaled, split.Training, sampler.Next(), device);
            lossCount++;

            if (iteration % settings.ProgressInterval == 0 || iteration == settings.Iterations)
            {
                lastLoss = lossSum / lossCount;
                lastValidation = ReconstructionScorer.Scores(model, scaled, monitor, device, ScoringBatch).Average();
                onProgress?.Invoke(new TrainingProgress(iteration, settings.Iterations, lastLoss, lastValidation));
                lossSum = 0;
                lossCount = 0;
            }
        }
        return (lastLoss, lastValidation);
    }

    /// <summary>One Adam step on one mini-batch; every tensor it makes dies with its dispose scope.</summary>
    private static double Step(ConvAeModel model, optim.Optimizer optimizer, TimeSeries scaled,
        IReadOnlyList<WindowSpan> windows, int[] batch, Device device)
    {
        model.train();
        using var scope = torch.NewDisposeScope();
        var input = WindowBatch.ToTensor(scaled, batch, windows, device);
        var loss = nn.functional.mse_loss(model.forward(input), input);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private static TimeSeries FirstRows(TimeSeries series, int rows) =>
        new(series.Channels, series.Values[..(rows * series.ChannelCount)]);

    private static IReadOnlyList<WindowSpan> EvenlySpaced(IReadOnlyList<WindowSpan> spans, int count)
    {
        if (spans.Count <= count)
            return spans;
        return Enumerable.Range(0, count).Select(i => spans[(int)((long)i * spans.Count / count)]).ToArray();
    }

    private static void RejectNonFinite(TimeSeries series)
    {
        var index = Array.FindIndex(series.Values, v => !float.IsFinite(v));
        if (index >= 0)
            throw new ArgumentException(
                $"Training data must be finite: row {index / series.ChannelCount}, channel '{series.Channels[index % series.ChannelCount]}' " +
                $"is {series.Values[index]}. Clean or impute the recording first.", nameof(series));
    }

    private static string TorchSharpVersion() =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
}

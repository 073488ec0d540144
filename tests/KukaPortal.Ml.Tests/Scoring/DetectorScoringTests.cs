using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Runtime;
using Shouldly;

namespace KukaPortal.Ml.Tests.Scoring;

public sealed class DetectorScoringTests(TrainedDetectorFixture fixture) : IClassFixture<TrainedDetectorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Injected_anomaly_scores_above_the_threshold_while_normal_windows_stay_mostly_below()
    {
        var detector = fixture.Detector;
        var test = SyntheticSeries.WithSpike(SyntheticSeries.Normal(1600, seed: 99), channel: 1, start: 800, length: 16);

        var scores = detector.ScoreBatches(test, ct: Ct).SelectMany(b => b).ToList();

        scores.Count.ShouldBe(100);                                          // 1600 rows / W = 16, no overlap
        var anomalous = scores.Where(s => s.StartRow < 816 && s.EndRow > 800).ToList();
        var normal = scores.Except(anomalous).ToList();
        anomalous.ShouldNotBeEmpty();
        anomalous.ShouldAllBe(s => s.Calibrated > 1.0);
        normal.Count(s => s.Calibrated <= 1.0).ShouldBeGreaterThanOrEqualTo((int)(0.9 * normal.Count));
        // The per-channel errors point at the channel that was disturbed.
        anomalous.ShouldAllBe(s => Array.IndexOf(s.ChannelErrors, s.ChannelErrors.Max()) == 1);
    }

    [Fact]
    public void The_small_conv_autoencoder_ranks_an_injected_spike_first()
    {
        SpikeDetection.AveragePrecisionOn(fixture.Detector, Ct).ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Scores_come_in_batches_with_rows_and_calibration_consistent()
    {
        var detector = fixture.Detector;

        var batches = detector.ScoreBatches(SyntheticSeries.Normal(1000, seed: 4), stride: 8, batchSize: 50, ct: Ct).ToList();

        batches.Select(b => b.Count).ShouldBe([50, 50, 24]);                 // (1000 − 16) / 8 + 1 = 124 windows
        var all = batches.SelectMany(b => b).ToList();
        all.Select(s => s.Index).ShouldBe(Enumerable.Range(0, all.Count));
        all.ShouldAllBe(s => s.EndRow - s.StartRow == 16 && s.StartRow == s.Index * 8);
        all.ShouldAllBe(s => Math.Abs(s.Calibrated - s.Score / detector.Threshold) < 1e-12);
        all.ShouldAllBe(s => Math.Abs(s.ChannelErrors.Average(e => (double)e) - s.Score) < 1e-6);
        detector.Model.modules().ShouldAllBe(m => !m.training);
    }

    [Fact]
    public void Batches_scored_side_by_side_on_lanes_come_in_order_with_the_scores_each_gets_alone()
    {
        var detector = fixture.Detector;
        var series = SyntheticSeries.WithSpike(SyntheticSeries.Normal(1600, seed: 12), channel: 2, start: 640, length: 16);
        using var lanes = new TorchLanes(2);

        var alone = detector.ScoreBatches(series, stride: 4, batchSize: 32, ct: Ct).ToList();
        var sideBySide = detector.ScoreBatches(series, stride: 4, batchSize: 32, ct: Ct, lanes: lanes).ToList();

        sideBySide.Select(b => b.Count).ShouldBe(alone.Select(b => b.Count));
        var expected = alone.SelectMany(b => b).ToList();
        var actual = sideBySide.SelectMany(b => b).ToList();
        actual.Select(s => s.Index).ShouldBe(expected.Select(s => s.Index));
        actual.Zip(expected, (a, e) => Math.Abs(a.Score - e.Score) / Math.Max(1e-6, e.Score)).Max().ShouldBeLessThan(1e-6);
        actual.Zip(expected, (a, e) => a.ChannelErrors.Zip(e.ChannelErrors, (x, y) => Math.Abs(x - y) / Math.Max(1e-6, y)).Max()).Max().ShouldBeLessThan(1e-5);
        actual.Where(s => s.AboveThreshold).Select(s => s.Index).ShouldBe(expected.Where(s => s.AboveThreshold).Select(s => s.Index));
    }

    [Fact]
    public void A_cancelled_side_by_side_scoring_stops_with_the_token()
    {
        using var lanes = new TorchLanes(2);
        using var cancel = new CancellationTokenSource();
        var received = 0;

        Should.Throw<OperationCanceledException>(() =>
        {
            foreach (var _ in fixture.Detector.ScoreBatches(SyntheticSeries.Normal(1600, seed: 13), stride: 1, batchSize: 16, ct: cancel.Token, lanes: lanes))
            {
                if (++received == 3) cancel.Cancel();
            }
        });

        received.ShouldBeLessThan((1600 - 16 + 1) / 16);
    }

    [Fact]
    public void A_model_left_in_training_mode_is_scored_in_eval_mode()
    {
        var detector = fixture.Detector;
        var series = SyntheticSeries.Normal(400, seed: 5);
        double[] Scores() => detector.ScoreBatches(series, stride: 8, batchSize: 50, ct: Ct).SelectMany(b => b).Select(s => s.Score).ToArray();
        var inEval = Scores();

        // In training mode batch normalisation would use each batch's own statistics (and move its running ones).
        detector.Model.train();
        var afterTraining = Scores();

        detector.Model.modules().ShouldAllBe(m => !m.training);
        afterTraining.Zip(inEval, (a, b) => Math.Abs(a - b) / Math.Max(1e-6, b)).Max().ShouldBeLessThan(1e-9);
    }

    [Fact]
    public void Channels_in_another_order_are_realigned()
    {
        var detector = fixture.Detector;
        var series = SyntheticSeries.Normal(400, seed: 21);
        var order = new[] { 3, 0, 2, 1 };
        var shuffledValues = new float[series.Values.Length];
        for (var r = 0; r < series.Rows; r++)
            for (var c = 0; c < 4; c++)
                shuffledValues[r * 4 + c] = series[r, order[c]];
        var shuffled = new TimeSeries(order.Select(c => series.Channels[c]).ToArray(), shuffledValues);

        var expected = detector.ScoreBatches(series, ct: Ct).SelectMany(b => b).Select(s => s.Score);
        var actual = detector.ScoreBatches(shuffled, ct: Ct).SelectMany(b => b).Select(s => s.Score);

        actual.ShouldBe(expected);
    }

    [Fact]
    public void Mismatched_channels_are_refused_before_scoring_with_missing_and_extra_names()
    {
        var channels = new[] { "a1_position", "a1_current", "a2_position", "a3_torque" };
        var series = SyntheticSeries.Normal(100, seed: 1, channels);

        var error = Should.Throw<ArgumentException>(() => fixture.Detector.ScoreBatches(series, ct: Ct));

        error.Message.ShouldContain("Missing: [a2_current]");
        error.Message.ShouldContain("Extra: [a3_torque]");
    }

    [Fact]
    public void Reconstruction_is_in_original_units_and_close_to_a_normal_window()
    {
        var detector = fixture.Detector;
        var series = SyntheticSeries.Normal(200, seed: 8);
        var span = new WindowSpan(0, 64, 16);

        var reconstruction = detector.Reconstruct(series, span);

        reconstruction.Length.ShouldBe(16 * 4);
        var scaler = detector.Preprocessing.Scaler.ToState();
        for (var c = 0; c < 4; c++)
        {
            var range = scaler.Parameters["maximums"][c] - scaler.Parameters["minimums"][c];
            var meanAbsoluteError = Enumerable.Range(0, 16).Average(t => (double)Math.Abs(reconstruction[t * 4 + c] - series[64 + t, c]));
            meanAbsoluteError.ShouldBeLessThan(0.15 * range, $"channel {c}");
        }
    }
    [Fact]
    public void A_window_reconstruction_reproduces_its_stored_score_and_points_at_the_disturbed_channel()
    {
        var detector = fixture.Detector;
        var test = SyntheticSeries.WithSpike(SyntheticSeries.Normal(1600, seed: 99), channel: 1, start: 800, length: 16);
        var scored = detector.ScoreBatches(test, ct: Ct).SelectMany(b => b).Single(s => s.Index == 50);   // rows 800..816

        var window = detector.ReconstructWindow(test, new WindowSpan(50, 800, 16));

        window.Channels.ShouldBe(detector.Preprocessing.OutputChannels);
        window.Input.ShouldAllBe(c => c.Length == 16);
        window.Reconstruction.ShouldAllBe(c => c.Length == 16);
        // One window alone and the same window in a batch of 100 differ only by float rounding (a single window's
        // convolutions run in libtorch's kernels, a batch's in one matrix multiply: GemmConv1d).
        window.Score.ShouldBe(scored.Score, 1e-6 * Math.Max(1, scored.Score));
        window.Calibrated.ShouldBe(scored.Calibrated, 1e-6 * Math.Max(1, scored.Calibrated));
        window.ChannelErrors.Zip(scored.ChannelErrors, (a, b) => Math.Abs(a - b) / Math.Max(1e-3, b)).Max().ShouldBeLessThan(1e-4);
        // The score is the mean squared difference of the two curves the view draws.
        var recomputed = Enumerable.Range(0, 4).SelectMany(c => Enumerable.Range(0, 16).Select(t => Math.Pow(window.Input[c][t] - window.Reconstruction[c][t], 2))).Average();
        recomputed.ShouldBe(scored.Score, 1e-5 * Math.Max(1, scored.Score));
        window.Contributions.Sum().ShouldBe(1f, 1e-5f);
        Array.IndexOf(window.Contributions, window.Contributions.Max()).ShouldBe(1);
        detector.Model.modules().ShouldAllBe(m => !m.training);
    }
}

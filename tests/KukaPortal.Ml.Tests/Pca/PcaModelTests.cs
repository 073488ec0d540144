using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Pca;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Pca;

public sealed class PcaModelTests
{
    /// <summary>Rows (a, a, 0) plus small noise, a uniform in [−1, 1]: a one-dimensional subspace along (1, 1, 0).</summary>
    private static TimeSeries Line(int rows)
    {
        var random = new Random(12);
        var values = new float[rows * 3];
        for (var r = 0; r < rows; r++)
        {
            var a = random.NextDouble() * 2 - 1;
            values[r * 3] = (float)(a + Noise(random));
            values[r * 3 + 1] = (float)(a + Noise(random));
            values[r * 3 + 2] = (float)Noise(random);
        }
        return new TimeSeries(["x", "y", "z"], values);
    }

    private static double Noise(Random random) => (random.NextDouble() - 0.5) * 0.02;

    private static PcaModel Fitted(TimeSeries series, double share = 0.95)
    {
        var model = new PcaModel(series.ChannelCount);
        model.Fit(series, WindowSlicer.Slice(series.Rows, 5, 5), share);
        model.eval();
        return model;
    }

    /// <summary>One window of one row per point: [points, 3, 1].</summary>
    private static Tensor Points(params float[][] points) =>
        tensor(points.SelectMany(p => p).ToArray(), [points.Length, 3, 1]);

    [Fact]
    public void A_batch_scored_in_chunks_gives_each_window_what_it_gets_alone()
    {
        using var model = Fitted(Line(2000));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // 400 windows of 3 channels × 1,000 rows: 24 KB each as float64, so 174 to a chunk and three chunks.
        var windows = randn([400, 3, 1000], generator: new TorchSharp.torch.Generator(5));
        ((long)(PcaModel.ChunkBytes / (3 * 1000 * sizeof(double)))).ShouldBe(174);

        var (scores, errors) = model.Score(windows);
        var reconstructed = model.forward(windows);

        scores.shape.ShouldBe([400L]);
        errors.shape.ShouldBe([400L, 3L]);
        reconstructed.shape.ShouldBe([400L, 3L, 1000L]);
        foreach (var i in new long[] { 0, 173, 174, 347, 348, 399 }) // either side of each chunk boundary
        {
            var alone = windows.narrow(0, i, 1);
            var (aloneScore, aloneErrors) = model.Score(alone);
            scores[i].item<double>().ShouldBe(aloneScore[0].item<double>(), 1e-9 * Math.Abs(aloneScore[0].item<double>()), $"window {i}");
            errors[i].allclose(aloneErrors[0], rtol: 1e-5, atol: 1e-9).ShouldBeTrue($"window {i}'s channel errors");
            reconstructed[i].allclose(model.forward(alone)[0], rtol: 1e-5, atol: 1e-6).ShouldBeTrue($"window {i}'s reconstruction");
        }
    }

    [Fact]
    public void A_point_off_the_subspace_has_a_large_q_and_a_far_point_inside_it_a_large_t2()
    {
        using var model = Fitted(Line(2000));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var (t2, q, _) = model.Statistics(Points([0, 0, 1], [5, 5, 0]).transpose(1, 2).to_type(ScalarType.Float64));
        var (offT2, offQ) = (t2[0, 0].item<double>(), q[0, 0].item<double>());
        var (farT2, farQ) = (t2[1, 0].item<double>(), q[1, 0].item<double>());

        model.KeptComponents.ShouldBe(1);
        offQ.ShouldBe(1.0, tolerance: 0.05);                   // its whole distance from the mean is residual
        offQ.ShouldBeGreaterThan(100 * model.QLimit);
        offT2.ShouldBeLessThan(model.T2Limit);
        farT2.ShouldBe(50 / (2 / 3.0), tolerance: 5);          // t² = ‖(5, 5)‖² over λ = 2 · Var(a) = 2/3
        farT2.ShouldBeGreaterThan(10 * model.T2Limit);
        farQ.ShouldBeLessThan(model.QLimit);
    }

    [Fact]
    public void Forward_projects_on_the_subspace_and_scores_combine_both_limits()
    {
        using var model = Fitted(Line(2000));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var points = Points([0.3f, 0.3f, 0], [0, 0, 1], [5, 5, 0]);

        var reconstruction = model.forward(points);
        var (scores, channelErrors) = model.Score(points);

        reconstruction.shape.ShouldBe([3, 3, 1]);
        reconstruction[1].flatten().data<float>().ToArray().ShouldBe([0f, 0f, 0f], tolerance: 0.05);
        reconstruction[2].flatten().data<float>().ToArray().ShouldBe([5f, 5f, 0f], tolerance: 0.05);
        var s = scores.data<double>().ToArray();
        s[0].ShouldBeLessThan(2);                               // a normal point stays below both limits
        s[1].ShouldBeGreaterThan(100);
        s[2].ShouldBeGreaterThan(10);
        channelErrors.shape.ShouldBe([3, 3]);
        channelErrors[1, 2].item<float>().ShouldBe(1f, tolerance: 0.05f); // the off-subspace point's residual is all in z
    }

    [Fact]
    public void Constant_training_data_gives_finite_scores()
    {
        var constant = new TimeSeries(["x", "y", "z"], Enumerable.Repeat(0.5f, 300).ToArray());
        using var model = Fitted(constant);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var (scores, _) = model.Score(Points([0.5f, 0.5f, 0.5f], [0.9f, 0.1f, 0.5f]));

        model.KeptComponents.ShouldBe(1);
        scores.isfinite().all().item<bool>().ShouldBeTrue();
        scores[1].item<double>().ShouldBeGreaterThan(scores[0].item<double>());
    }
}

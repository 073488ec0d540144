using KukaPortal.Core.Preprocessing.Numerics;
using KukaPortal.Core.Series;
using KukaPortal.Core.Thresholds;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Pca;

/// <summary>
/// The classical process-monitoring baseline: PCA fitted in closed form on the rows of normal training windows
/// (preprocessed units), applied to each time step of a window. The reconstruction is the projection on the k
/// kept components, x̂ = μ + P_k P_kᵀ(x − μ), where k is the fewest components explaining the requested share of
/// variance. Each row gets Hotelling's T² = Σ_{j≤k} t_j²/λ_j (distance inside the model subspace, in units of
/// its variance) and Q = ‖x − x̂‖² (SPE, distance from the subspace).
/// <para>
/// Combined index: a window's score is the mean over its rows of T²/T²_lim + Q/Q_lim. Dividing each statistic by
/// its control limit puts both on the same scale (1 = the limit), so neither dominates by its units, and the sum
/// flags a row that breaks either limit, like the usual "T² or Q alarm" rule, while keeping a continuous score
/// that ranks windows. The limits are empirical: the 99th percentiles of T² and Q over the training rows (the
/// F- and χ²-based limits assume Gaussian, independent rows, which robot signals are not). A limit of zero (a
/// perfectly reproduced training set) is raised to <see cref="Floor"/>, so scores stay finite. The per-channel
/// contribution is that channel's mean squared residual over the window (its share of Q).
/// </para>
/// <para>
/// Every state tensor is a buffer whose shape follows from the channel count d alone — all d eigenvectors and
/// eigenvalues, k as a number — so an artifact rebuilds the model from settings and channel count and
/// <c>load</c> fills it. Computed in float64: T² divides by the smallest kept eigenvalue.
/// </para>
/// </summary>
public sealed class PcaModel : WindowModel
{
    /// <summary>The percentile of the training rows' T² and Q used as control limits.</summary>
    public const double LimitQuantile = 0.99;

    /// <summary>Smallest eigenvalue and control limit divided by, in preprocessed units² (min-max data has variances near 0.01–0.1).</summary>
    public const double Floor = 1e-12;

    /// <summary><see cref="Floor"/> as a held Scalar: scoring leaves no temporary Scalar (<see cref="ConstantScalars"/>).</summary>
    private static readonly Scalar FloorScalar = Floor.ToScalar();

    // Buffer names are state_dict keys: renaming them breaks saved artifacts.
    private const string MeansKey = "means";
    private const string ComponentsKey = "components";
    private const string EigenvaluesKey = "eigenvalues";
    private const string KeptKey = "kept";
    private const string T2LimitKey = "t2_limit";
    private const string QLimitKey = "q_limit";

    public PcaModel(int channels) : base(nameof(PcaModel))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Channels = channels;
        // Until Fit: the identity model (all components kept, unit variances and limits).
        Register(MeansKey, zeros(channels, ScalarType.Float64));
        Register(ComponentsKey, eye(channels, dtype: ScalarType.Float64)); // rows are eigenvectors, by descending eigenvalue
        Register(EigenvaluesKey, ones(channels, ScalarType.Float64));
        Register(KeptKey, tensor((long)channels));
        Register(T2LimitKey, tensor(1.0));
        Register(QLimitKey, tensor(1.0));
    }

    public int Channels { get; }

    /// <summary>k, the number of principal components kept.</summary>
    public int KeptComponents => (int)Buffer(KeptKey).item<long>();

    public double T2Limit => Buffer(T2LimitKey).item<double>();

    public double QLimit => Buffer(QLimitKey).item<double>();

    /// <summary>
    /// Fits means, eigenvectors, eigenvalues, k and the control limits on the distinct rows covered by
    /// <paramref name="training"/> windows of <paramref name="scaled"/>.
    /// </summary>
    public void Fit(TimeSeries scaled, IReadOnlyList<WindowSpan> training, double varianceToKeep)
    {
        if (scaled.ChannelCount != Channels)
            throw new ArgumentException($"The model has {Channels} channels; the series has {scaled.ChannelCount}.", nameof(scaled));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var rows = TrainingRows(scaled, training);
        if (rows.shape[0] < 2)
            throw new ArgumentException("PCA needs at least two training rows.", nameof(training));
        // Fitting divides and fills with plain numbers (temporary Scalars), unlike scoring; the rows are built first,
        // outside the region, because their managed copy can outgrow its budget.
        using var noGc = NoGcRegion.Enter();
        var means = rows.mean([0L]);
        var centred = rows - means;
        var covariance = centred.T.matmul(centred) / (rows.shape[0] - 1);
        var (eigenvalues, eigenvectors) = SymmetricEigen.Decompose(covariance.data<double>().ToArray(), Channels);
        // Rounding leaves tiny negative eigenvalues on a rank-deficient covariance; they are zeros.
        var variances = eigenvalues.Select(v => Math.Max(v, 0)).ToArray();

        var device = Buffer(MeansKey).device;
        Buffer(MeansKey).copy_(means);
        Buffer(ComponentsKey).copy_(tensor(eigenvectors, [Channels, Channels]));
        Buffer(EigenvaluesKey).copy_(tensor(variances));
        Buffer(KeptKey).fill_(ComponentsFor(variances, varianceToKeep));

        var (t2, q, _) = Statistics(rows.to(device));
        Buffer(T2LimitKey).fill_(Limit(t2));
        Buffer(QLimitKey).fill_(Limit(q));
    }

    /// <summary>
    /// Windows are reconstructed and scored in chunks whose float64 rows take at most this many bytes. Why: every
    /// step makes a float64 copy of its input's size, and a batch of 256 windows at W = 100 makes copies of 17.6 MB,
    /// which glibc hands out as fresh pages batch after batch (a page fault per 4 KB): 1,073–3,454 windows/s against
    /// 12,000 in batches of 64 (docs/performance.md, "Model forward"). Each window's numbers do not depend on the others.
    /// </summary>
    public const long ChunkBytes = 4L * 1024 * 1024;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var chunks = Chunks(input).Select(chunk =>
        {
            var rows = chunk.transpose(1, 2).to_type(ScalarType.Float64);
            var (_, _, residual) = Statistics(rows);
            return (rows - residual).transpose(1, 2).to_type(input.dtype);
        }).ToList();
        return Joined(chunks).MoveToOuterDisposeScope();
    }

    /// <summary>Mean over rows of T²/T²_lim + Q/Q_lim per window [batch], and each channel's mean squared residual [batch, C].</summary>
    public override (Tensor Scores, Tensor ChannelErrors) Score(Tensor input)
    {
        using var scope = NewDisposeScope();
        var scored = Chunks(input).Select(chunk =>
        {
            var (t2, q, residual) = Statistics(chunk.transpose(1, 2).to_type(ScalarType.Float64));
            return (Scores: (t2 / Buffer(T2LimitKey)).Plus(q / Buffer(QLimitKey)).mean([1L]), Errors: residual.Squared().mean([1L]).to_type(input.dtype));
        }).ToList();
        var scores = Joined(scored.Select(s => s.Scores).ToList());
        var channelErrors = Joined(scored.Select(s => s.Errors).ToList());
        return (scores.MoveToOuterDisposeScope(), channelErrors.MoveToOuterDisposeScope());
    }

    /// <summary>The batch [B, C, T] split along B into chunks of at most <see cref="ChunkBytes"/> as float64 rows.</summary>
    private static Tensor[] Chunks(Tensor input)
    {
        var windowBytes = input.shape[1] * input.shape[2] * sizeof(double);
        var windowsPerChunk = Math.Max(1, ChunkBytes / Math.Max(1, windowBytes));
        return input.shape[0] <= windowsPerChunk ? [input] : input.split(windowsPerChunk, 0);
    }

    private static Tensor Joined(List<Tensor> chunks) => chunks.Count == 1 ? chunks[0] : cat(chunks, 0);

    /// <summary>T² and Q per row [..., T] and the residual x − x̂ [..., T, C] of float64 rows [..., T, C].</summary>
    public (Tensor T2, Tensor Q, Tensor Residual) Statistics(Tensor rows)
    {
        using var scope = NewDisposeScope();
        var kept = KeptComponents;
        var components = Buffer(ComponentsKey).narrow(0, 0, kept); // rows are eigenvectors: the k kept ones
        var centred = rows - Buffer(MeansKey);
        var scores = centred.matmul(components.T); // t_j, j < k
        var residual = centred - scores.matmul(components);
        var t2 = (scores.Squared() / Buffer(EigenvaluesKey).narrow(0, 0, kept).clamp_min(FloorScalar)).sum([-1L]);
        var q = residual.Squared().sum([-1L]);
        return (t2.MoveToOuterDisposeScope(), q.MoveToOuterDisposeScope(), residual.MoveToOuterDisposeScope());
    }

    private Tensor Buffer(string name) => get_buffer(name)!;

    /// <summary>The model owns its buffers: a dispose scope around its construction must not free them.</summary>
    private void Register(string name, Tensor buffer) => register_buffer(name, buffer.DetachFromDisposeScope());

    private static double Limit(Tensor statistic) =>
        Math.Max(Quantile.Of(statistic.cpu().data<double>().ToArray(), LimitQuantile), Floor);

    /// <summary>The distinct rows the training windows cover, [n, C] float64 on the CPU.</summary>
    private static Tensor TrainingRows(TimeSeries scaled, IReadOnlyList<WindowSpan> training)
    {
        var covered = new bool[scaled.Rows];
        foreach (var span in training)
            Array.Fill(covered, true, span.StartRow, span.Length);
        var d = scaled.ChannelCount;
        var values = new List<double>();
        for (var r = 0; r < scaled.Rows; r++)
        {
            if (!covered[r])
                continue;
            for (var c = 0; c < d; c++)
                values.Add(scaled.Values[r * d + c]);
        }
        return tensor(values.ToArray(), [values.Count / d, d]);
    }

    /// <summary>The fewest leading components whose variance reaches the share; one if there is no variance at all.</summary>
    private static long ComponentsFor(double[] variances, double share)
    {
        var total = variances.Sum();
        if (total <= 0)
            return 1;
        var cumulative = 0.0;
        for (var k = 0; k < variances.Length; k++)
        {
            cumulative += variances[k];
            if (cumulative >= share * total * (1 - 1e-12)) // slack for rounding, so a share of 1 keeps what has variance
                return k + 1;
        }
        return variances.Length;
    }
}

namespace KukaPortal.Core.Simulation;

/// <summary>
/// Sizes and settings of the KUKA-like pair (see <see cref="KukaLikeDataSet"/>). By default the sizes
/// are those of paper 000's data set; <see cref="Scale"/> shrinks both in proportion.
/// </summary>
public sealed record KukaLikeDataSetOptions
{
    /// <summary>Rows of normal data in the paper's KUKA data set.</summary>
    public const int PaperNormalRows = 233_792;

    /// <summary>Rows of abnormal ("slow") data in the paper's KUKA data set.</summary>
    public const int PaperSlowRows = 41_538;

    /// <summary>Multiplies both paper sizes (e.g. 0.1 for a quick experiment); ignored for a size given explicitly.</summary>
    public double Scale { get; init; } = 1.0;

    public int? NormalRows { get; init; }

    public int? SlowRows { get; init; }

    /// <summary>Seed of the normal recording; the slow one uses the next seed, so it is not a copy with slowdowns added.</summary>
    public int Seed { get; init; } = 1;

    public double SampleRateHz { get; init; } = RobotSimulationOptions.KukaIpoRateHz;

    /// <summary>Program cycles per slowdown in the slow recording; 3 labels roughly a third of its rows.</summary>
    public double CyclesPerSlowdown { get; init; } = 3;

    /// <summary>Scales how much slower the slowed moves run (1: 50–80 % override).</summary>
    public double Intensity { get; init; } = 1.0;

    public int ResolvedNormalRows => NormalRows ?? Scaled(PaperNormalRows);

    public int ResolvedSlowRows => SlowRows ?? Scaled(PaperSlowRows);

    private int Scaled(int rows) => Math.Max(1, (int)Math.Round(rows * Scale));
}

namespace KukaPortal.Ml.ConvAutoencoder;

/// <summary>
/// The layer arithmetic of paper 000's 1-D convolutional autoencoder for any window length.
/// <para>
/// The paper's decoder is <c>L(10/1)-16w(4/2)-8w(4/2)-4w(4/2)-2w(7/1)</c>: five transposed convolutions
/// whose inputs have L, 16w, 8w, 4w and 2w channels (kernel/stride in brackets), the last one producing the
/// C data channels; the encoder mirrors it (C→2w k7/s1, 2w→4w, 4w→8w, 8w→16w k4/s2, 16w→L). Those numbers fit
/// exactly one window, W = 80 (80→80→40→20→10→1). To serve any W from 5 to 200 with the same five layers:
/// </para>
/// <list type="bullet">
/// <item>the k7/s1 outer layer pads by 3, so it keeps the length;</item>
/// <item>each k4/s2 layer (padding 1) halves the length, rounding down; the decoder adds an output padding of 1
/// where the encoder dropped an odd step, so it restores the exact length;</item>
/// <item>a halving that would leave fewer than 2 steps becomes k3/s1/p1, which keeps the length (small W);</item>
/// <item>the innermost kernel equals the remaining length and collapses it to a single step: the latent code is
/// L channels × 1 step, as in the paper (kernel 10 at W = 80).</item>
/// </list>
/// </summary>
public sealed record ConvAePlan(int Window, int Channels, int Latent, int BaseWidth, IReadOnlyList<ConvStage> Stages)
{
    public const int MinWindow = 5;
    public const int MaxWindow = 200;

    public static ConvAePlan For(int window, int channels, int latent, int baseWidth)
    {
        if (window is < MinWindow or > MaxWindow)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"The convolutional autoencoder supports windows of {MinWindow} to {MaxWindow} rows.");
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(latent, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseWidth, 1);

        var stages = new List<ConvStage>(5);
        var length = window;

        // Outer layer: k7/s1, padded to keep the length.
        stages.Add(new ConvStage(channels, 2 * baseWidth, 7, 1, 3, 0, length, length));

        // Three halving layers 2w→4w→8w→16w.
        foreach (var (wide, narrow) in new[] { (2, 4), (4, 8), (8, 16) })
        {
            var stage = length >= 4
                ? new ConvStage(wide * baseWidth, narrow * baseWidth, 4, 2, 1, length % 2, length, length / 2)
                : new ConvStage(wide * baseWidth, narrow * baseWidth, 3, 1, 1, 0, length, length);
            stages.Add(stage);
            length = stage.NarrowLength;
        }

        // Bottleneck: one kernel over the remaining steps.
        stages.Add(new ConvStage(16 * baseWidth, latent, length, 1, 0, 0, length, 1));

        var broken = stages.FirstOrDefault(s => !s.IsConsistent);
        if (broken is not null)
            throw new InvalidOperationException($"Internal error: layer plan for W={window} is inconsistent at {broken}.");
        return new ConvAePlan(window, channels, latent, baseWidth, stages);
    }
}

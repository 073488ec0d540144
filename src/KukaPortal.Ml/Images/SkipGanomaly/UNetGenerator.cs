using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.SkipGanomaly;

/// <summary>
/// Paper 004's U-Net generator. Encoder levels: <see cref="SeparableConvBlock"/> (channels doubling from the base
/// width, capped at 8×), then <see cref="SelfAttention2d"/>, then 2×2 max pooling, down to 4×4; a bottleneck block.
/// Decoder levels: bilinear upsampling to the matching encoder level's size, concatenation with that level's
/// (attention) features — the skip connection — and a block that halves the channels; a 1×1 convolution and a
/// sigmoid give the image. Without <c>selfAttention</c> it is plain Skip-GANomaly's U-Net in the same shape.
/// Attention costs (H·W)² per image, so it is applied only at levels with H·W ≤ 32·32 (at 128×128: the 32, 16 and
/// 8 levels; the 128 and 64 levels would need 268 M and 17 M weights per image).
/// </summary>
internal sealed class UNetGenerator : Module<Tensor, Tensor>
{
    /// <summary>The largest level (in positions) that gets attention.</summary>
    public const int MaxAttentionPositions = 32 * 32;

    private readonly ModuleList<Module<Tensor, Tensor>> down = new();
    private readonly ModuleList<Module<Tensor, Tensor>> attention = new();
    private readonly SeparableConvBlock bottleneck;
    private readonly ModuleList<Module<Tensor, Tensor>> up = new();
    private readonly MaxPool2d pool;
    private readonly GemmConv2d output;

    public UNetGenerator(int channels, int size, int baseWidth, bool selfAttention) : base(nameof(UNetGenerator))
    {
        var widths = new List<int>();
        for (var side = size; side > 4; side /= 2)
            widths.Add(Math.Min(baseWidth << widths.Count, baseWidth * 8));

        for (var level = 0; level < widths.Count; level++)
        {
            var side = size >> level;
            down.Add(new SeparableConvBlock(level == 0 ? channels : widths[level - 1], widths[level]));
            attention.Add(selfAttention && side * side <= MaxAttentionPositions ? new SelfAttention2d(widths[level]) : Identity());
        }
        bottleneck = new SeparableConvBlock(widths[^1], widths[^1]);
        // Level i's decoder reads the upsampled features (as wide as that level) beside its skip: 2·widths[i] channels.
        for (var level = 0; level < widths.Count; level++)
            up.Add(new SeparableConvBlock(2 * widths[level], level == 0 ? widths[0] : widths[level - 1]));
        pool = MaxPool2d(2);
        output = new GemmConv2d(widths[0], channels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        var skips = new Tensor[down.Count];
        var x = images;
        for (var level = 0; level < down.Count; level++)
        {
            skips[level] = attention[level].forward(down[level].forward(x));
            x = pool.forward(skips[level]);
        }
        x = bottleneck.forward(x);
        for (var level = down.Count - 1; level >= 0; level--)
        {
            var skip = skips[level];
            x = functional.interpolate(x, size: [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
            x = up[level].forward(cat([x, skip], 1));
        }
        return sigmoid(output.forward(x));
    }
}

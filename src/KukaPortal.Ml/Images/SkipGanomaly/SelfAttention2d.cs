using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.SkipGanomaly;

/// <summary>
/// Self-attention over all H·W positions (SAGAN, paper 004 Eq. 4): 1×1 convolutions give A (query) and B (key)
/// with C/8 channels and a value with C; M = softmax(AᵀB) weighs every position by every other, and the attended
/// values are added to the input scaled by a learned γ that starts at 0, so training begins from the plain
/// convolutional features and lets attention in gradually. M is (H·W)² per image: the generator applies this only
/// where H·W ≤ 32·32.
/// </summary>
internal sealed class SelfAttention2d : Module<Tensor, Tensor>
{
    private readonly GemmConv2d query;
    private readonly GemmConv2d key;
    private readonly GemmConv2d value;
    private readonly Parameter gamma;

    public SelfAttention2d(int channels) : base(nameof(SelfAttention2d))
    {
        var reduced = Math.Max(channels / 8, 1);
        query = new GemmConv2d(channels, reduced, 1);
        key = new GemmConv2d(channels, reduced, 1);
        value = new GemmConv2d(channels, channels, 1);
        gamma = Parameter(zeros(1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        long batch = input.shape[0], channels = input.shape[1], height = input.shape[2], width = input.shape[3];
        var positions = height * width;
        var a = query.forward(input).reshape(batch, -1, positions);
        var b = key.forward(input).reshape(batch, -1, positions);
        var attention = softmax(a.transpose(1, 2).bmm(b), -1); // [batch, N, N]: row i = how much position i reads each j
        var v = value.forward(input).reshape(batch, channels, positions);
        var attended = v.bmm(attention.transpose(1, 2)).reshape(batch, channels, height, width);
        return gamma * attended + input;
    }
}

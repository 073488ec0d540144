using KukaPortal.Ml.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Dense;

/// <summary>
/// Paper 001's AE-2 (family dense-ae-bn): the flattened window [batch, C·W] goes through two
/// <see cref="DenseBlock"/>s (Dense + BatchNorm + ReLU) of 64 and <c>latent</c> (paper: 32) units; the decoder
/// mirrors them, blocks of <c>latent</c> and 64 units (the encoder's widths reversed), then an output layer of
/// C·W units with sigmoid, reshaped to [batch, C, W]. Sigmoid because the default min-max scaler puts normal
/// data in [0, 1], its range (see <see cref="DenseAeModel"/>). BatchNorm needs batches of two or more in
/// training (DetectorSettings.Validate enforces it); scoring runs in eval mode on the running statistics.
/// </summary>
public sealed class DenseAeBnModel : WindowModel
{
    // Field names are state_dict keys: renaming them breaks saved artifacts.
    private readonly Sequential encoder;
    private readonly Sequential decoder;

    public DenseAeBnModel(int channels, int window, int latent) : base(nameof(DenseAeBnModel))
    {
        var features = channels * window;
        encoder = Sequential(
            ("block0", new DenseBlock(features, DenseAeModel.Hidden)),
            ("block1", new DenseBlock(DenseAeModel.Hidden, latent)));
        decoder = Sequential(
            ("block0", new DenseBlock(latent, latent)),
            ("block1", new DenseBlock(latent, DenseAeModel.Hidden)),
            ("output", Linear(DenseAeModel.Hidden, features)), ("sigmoid", Sigmoid()));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var flat = input.flatten(1);
        return decoder.forward(encoder.forward(flat)).view(input.shape).MoveToOuterDisposeScope();
    }
}

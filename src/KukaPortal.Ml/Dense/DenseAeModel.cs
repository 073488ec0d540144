using KukaPortal.Ml.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Dense;

/// <summary>
/// Paper 001's AE-1 (family dense-ae, and the generator of dense-aae): the window [batch, C, W] is flattened to
/// C·W features; encoder Dense 64 → Dense <c>latent</c> (paper: 32), both ReLU; decoder Dense 64 with ReLU, then
/// an output layer of C·W units with sigmoid, reshaped back to [batch, C, W].
/// <para>
/// Why sigmoid fits: the default scaler maps normal data to [0, 1] (min-max on the training rows), exactly the
/// sigmoid's range, so normal windows can be reconstructed and values that leave the fitted range cannot,
/// which is what makes them anomalous. With another scaler (e.g. z-score) the output cannot reach the data and
/// reconstruction errors are inflated everywhere.
/// </para>
/// </summary>
public sealed class DenseAeModel : WindowModel
{
    /// <summary>Paper 001's hidden width, fixed; only the latent size is a setting.</summary>
    public const int Hidden = 64;

    // Field names are state_dict keys: renaming them breaks saved artifacts.
    private readonly Sequential encoder;
    private readonly Sequential decoder;

    public DenseAeModel(int channels, int window, int latent) : base(nameof(DenseAeModel))
    {
        var features = channels * window;
        encoder = Sequential(
            ("dense0", Linear(features, Hidden)), ("act0", ReLU()),
            ("dense1", Linear(Hidden, latent)), ("act1", ReLU()));
        decoder = Sequential(
            ("dense0", Linear(latent, Hidden)), ("act0", ReLU()),
            ("output", Linear(Hidden, features)), ("sigmoid", Sigmoid()));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var flat = input.flatten(1);
        return decoder.forward(encoder.forward(flat)).view(input.shape).MoveToOuterDisposeScope();
    }
}

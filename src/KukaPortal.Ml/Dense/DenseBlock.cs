using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Dense;

/// <summary>
/// The modular block of paper 001's AE-2: Dense → BatchNorm → ReLU. The dense layer has no bias because the
/// BatchNorm right after it subtracts the batch mean and adds its own shift.
/// </summary>
public sealed class DenseBlock : Module<Tensor, Tensor>
{
    // Field names are state_dict keys: renaming them breaks saved artifacts.
    private readonly Linear dense;
    private readonly BatchNorm1d norm;
    private readonly ReLU act;

    public DenseBlock(int inputs, int outputs) : base(nameof(DenseBlock))
    {
        dense = Linear(inputs, outputs, hasBias: false);
        norm = CounterFreeBatchNorm.Create(outputs);
        act = ReLU();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => act.forward(norm.forward(dense.forward(input)));
}

using KukaPortal.Ml.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>One Adam step on the reconstruction MSE ‖x − G(x)‖²: how the plain autoencoders learn.</summary>
internal sealed class ReconstructionStep(WindowModel model, double learningRate) : ITrainingStep
{
    private readonly optim.Optimizer optimizer = torch.optim.Adam(model.parameters(), learningRate);

    public StepResult Step(Tensor batch)
    {
        model.train();
        var loss = nn.functional.mse_loss(model.forward(batch), batch);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return new StepResult(loss.item<float>());
    }

    public void SaveState(BinaryWriter writer) => ((OptimizerHelper)optimizer).save_state_dict(writer);

    public void LoadState(BinaryReader reader) => ((OptimizerHelper)optimizer).load_state_dict(reader);

    public void Dispose() => optimizer.Dispose();
}

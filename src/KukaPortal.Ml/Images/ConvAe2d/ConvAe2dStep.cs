using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.ConvAe2d;

/// <summary>One Adam step on the L1 (default) or L2 reconstruction loss: how the baseline learns.</summary>
internal sealed class ConvAe2dStep : IImageTrainingStep
{
    public const double DefaultLearningRate = 1e-3;

    private readonly ImageModel model;
    private readonly ImageReconstructionLoss loss;
    private readonly optim.Optimizer optimizer;

    public ConvAe2dStep(ImageModel model, ImageDetectorSettings settings)
    {
        this.model = model;
        loss = settings.ReconstructionLoss ?? ImageReconstructionLoss.L1;
        optimizer = optim.Adam(model.parameters(), settings.LearningRate ?? DefaultLearningRate);
    }

    public ImageStepResult Step(Tensor batch)
    {
        model.train();
        var reconstruction = model.forward(batch);
        var value = loss == ImageReconstructionLoss.L1
            ? nn.functional.l1_loss(reconstruction, batch)
            : nn.functional.mse_loss(reconstruction, batch);
        optimizer.zero_grad();
        value.backward();
        optimizer.step();

        var meanAbsolute = loss == ImageReconstructionLoss.L1 ? value.item<float>() : (reconstruction.detach() - batch).abs().mean().item<float>();
        return new ImageStepResult(meanAbsolute, new Dictionary<string, double> { ["reconstruction"] = value.item<float>() });
    }

    public IReadOnlyList<nn.Module> Opponents => [];

    public void SaveState(BinaryWriter writer) => ((OptimizerHelper)optimizer).save_state_dict(writer);

    public void LoadState(BinaryReader reader) => ((OptimizerHelper)optimizer).load_state_dict(reader);

    public void Dispose() => optimizer.Dispose();
}

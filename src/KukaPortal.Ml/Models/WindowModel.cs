using KukaPortal.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Models;

/// <summary>
/// What every detector family is to the rest of the code: a module that takes windows [batch, C, W] in
/// preprocessed units and returns their reconstruction of the same shape, and that scores windows.
/// Training, scoring, the artifact and the reconstruction view only ever see this type.
/// Field names of subclasses are state_dict keys: renaming one breaks saved artifacts.
/// </summary>
public abstract class WindowModel : nn.Module<Tensor, Tensor>
{
    protected WindowModel(string name) : base(name)
    {
    }

    /// <summary>
    /// Per-window score [batch] and per-channel contribution [batch, C] of windows [batch, C, W].
    /// The default is paper 000's A(x) = ‖x − G(x)‖², the mean over channels × time of the squared
    /// reconstruction error, with each channel's mean squared error as its contribution. Call in eval mode
    /// under no_grad; the caller owns the dispose scope.
    /// </summary>
    public virtual (Tensor Scores, Tensor ChannelErrors) Score(Tensor input)
    {
        var channelErrors = (forward(input) - input).Squared().mean([2L]);
        return (channelErrors.mean([1L]), channelErrors);
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// What every image detector family is to the rest of the code: a module whose forward pass takes images
/// [batch, C, H, W] in [0, 1] and returns their reconstruction of the same shape, and that scores images.
/// Training, scoring, the artifact and the inspection view only ever see this type.
/// Field names of subclasses are state_dict keys: renaming one breaks saved artifacts.
/// </summary>
public abstract class ImageModel : nn.Module<Tensor, Tensor>
{
    protected ImageModel(string name) : base(name)
    {
    }

    /// <summary>
    /// The terms <see cref="ScoreTerms"/> returns, in column order, with the weight each gets in the image's
    /// score once every term is normalised by statistics of held-out NORMAL images (never of the scored set,
    /// which a live station does not have). E.g. Skip-GANomaly: contextual 0.9, latent 0.1.
    /// </summary>
    public abstract IReadOnlyList<ScoreTerm> Terms { get; }

    /// <summary>
    /// Raw score terms [batch, Terms.Count] and the per-pixel anomaly map [batch, H, W] at the input's
    /// resolution (a smoothed residual or an SSIM map; larger = more anomalous). Call in eval mode under
    /// no_grad; the caller owns the dispose scope.
    /// </summary>
    public abstract (Tensor Terms, Tensor Map) ScoreTerms(Tensor images);
}

/// <summary>A named component of an image score and its weight in the combined score.</summary>
public sealed record ScoreTerm(string Name, double Weight);

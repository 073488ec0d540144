using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.AdvVae;

/// <summary>
/// The adversarial VAE's self-made second class. Paper 002 trains its classifier on labelled classes; normal
/// images of one station have a single class, and a one-class softmax is the constant 1, which teaches the
/// encoder nothing and makes the latent loss ‖Class(z) − Class(ẑ)‖² zero. So the classifier learns "intact" (0)
/// against "patched" (1): a copy of the batch in which one square patch, with its brightness jittered, is pasted
/// elsewhere in each image (after CutPaste, Li et al. 2021). The encoder then has to keep the local structure
/// that a defect breaks, and in step 2 the latent loss penalises reconstructions the classifier would call patched.
/// </summary>
internal static class CutPaste
{
    /// <summary>A patched copy of <paramref name="images"/> [batch, C, S, S]; patch side S/8 to S/4, one patch per image.</summary>
    public static Tensor Apply(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var patched = images.clone();
        var size = (int)images.shape[2];
        for (var i = 0; i < images.shape[0]; i++)
        {
            var side = (int)randint(size / 8, size / 4 + 1, [1]).item<long>();
            var (sourceY, sourceX) = Corner(size - side);
            var (targetY, targetX) = Corner(size - side);
            var brightness = 0.7 + 0.6 * rand(1).item<float>();
            var patch = images[i].narrow(1, sourceY, side).narrow(2, sourceX, side) * brightness;
            patched[i].narrow(1, targetY, side).narrow(2, targetX, side).copy_(patch.clamp(0, 1));
        }
        return patched.MoveToOuterDisposeScope();
    }

    private static (long Y, long X) Corner(int limit)
    {
        var corner = randint(limit + 1, [2]);
        return (corner[0].item<long>(), corner[1].item<long>());
    }
}

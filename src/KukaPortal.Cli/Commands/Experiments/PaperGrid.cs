using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// The grid of paper 000: Table I varies W × L for the autoencoder, Table II varies λ at a few (W, L) for the
/// adversarial one. Any family can be put in either shape: adversarial families take Table II's, the rest Table I's.
/// </summary>
public sealed record PaperGrid(
    IReadOnlyList<ModelFamily> Families,
    IReadOnlyList<int> Windows,
    IReadOnlyList<int> Latents,
    IReadOnlyList<int> AdversarialWindows,
    IReadOnlyList<int> AdversarialLatents,
    IReadOnlyList<double> Lambdas)
{
    public static PaperGrid Paper { get; } = new(
        [ModelFamily.ConvAe, ModelFamily.ConvAae], [30, 50, 70, 100], [30, 50, 70], [30, 100], [30], [1e-4, 1e-3, 1e-2, 1e-1]);

    public IReadOnlyList<PaperCell> Cells(ModelFamily family) => family.IsAdversarial()
        ? [.. from w in AdversarialWindows from l in AdversarialLatents from lambda in Lambdas select new PaperCell(family, w, l, lambda)]
        : [.. from w in Windows from l in Latents select new PaperCell(family, w, l, null)];

    public IReadOnlyList<PaperCell> AllCells => [.. Families.SelectMany(Cells)];
}

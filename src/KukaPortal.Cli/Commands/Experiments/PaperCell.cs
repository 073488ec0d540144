using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>One configuration of the grid: a family at window W and latent L, with λ for the adversarial families.</summary>
public sealed record PaperCell(ModelFamily Family, int Window, int Latent, double? Lambda)
{
    public override string ToString() =>
        Lambda is { } l ? FormattableString.Invariant($"{Family.Name()} W={Window} L={Latent} λ={l:G4}") : FormattableString.Invariant($"{Family.Name()} W={Window} L={Latent}");
}

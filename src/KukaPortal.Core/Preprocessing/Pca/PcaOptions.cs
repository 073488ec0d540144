namespace KukaPortal.Core.Preprocessing;

/// <summary>Principal components to keep: the fewest whose explained variance reaches the fraction (paper 001: 95 %).</summary>
public sealed record PcaOptions(double VarianceToKeep = 0.95)
{
    internal void Validate()
    {
        if (!(VarianceToKeep > 0 && VarianceToKeep <= 1))
            throw new ArgumentOutOfRangeException(nameof(VarianceToKeep), VarianceToKeep, "The variance to keep is a fraction in (0, 1].");
    }
}

namespace KukaPortal.Ml.Models;

/// <summary>The stable names of <see cref="ModelFamily"/> (as written in artifacts and typed on the CLI) and the facts that depend on the family.</summary>
public static class ModelFamilyNames
{
    public static IReadOnlyList<string> All => StableEnumNames<ModelFamily>.All;

    public static string Name(this ModelFamily family) => StableEnumNames<ModelFamily>.Of(family);

    public static bool TryParse(string? name, out ModelFamily family) => StableEnumNames<ModelFamily>.TryParse(name, out family);

    /// <summary>Trained against a discriminator (the discriminator is dropped after training; scoring uses reconstruction only).</summary>
    public static bool IsAdversarial(this ModelFamily family) => family is ModelFamily.ConvAae or ModelFamily.DenseAae;

    /// <summary>Fitted in closed form, without iterations.</summary>
    public static bool IsClosedForm(this ModelFamily family) => family is ModelFamily.Pca;

    /// <summary>Reads flattened windows (paper 001) rather than convolving over time (paper 000).</summary>
    public static bool IsDense(this ModelFamily family) => family is ModelFamily.DenseAe or ModelFamily.DenseAeBn or ModelFamily.DenseAae;
}

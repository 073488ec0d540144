using System.Reflection;
using System.Text.Json.Serialization;

namespace KukaPortal.Ml.Models;

/// <summary>The stable names of <see cref="ModelFamily"/> (as written in artifacts and typed on the CLI) and the facts that depend on the family.</summary>
public static class ModelFamilyNames
{
    private static readonly Dictionary<ModelFamily, string> Names = Enum.GetValues<ModelFamily>().ToDictionary(
        f => f,
        f => typeof(ModelFamily).GetField(f.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    public static IReadOnlyList<string> All { get; } = [.. Names.Values];

    public static string Name(this ModelFamily family) => Names[family];

    public static bool TryParse(string? name, out ModelFamily family)
    {
        foreach (var (f, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                family = f;
                return true;
            }
        }
        family = default;
        return false;
    }

    /// <summary>Trained against a discriminator (the discriminator is dropped after training; scoring uses reconstruction only).</summary>
    public static bool IsAdversarial(this ModelFamily family) => family is ModelFamily.ConvAae or ModelFamily.DenseAae;

    /// <summary>Fitted in closed form, without iterations.</summary>
    public static bool IsClosedForm(this ModelFamily family) => family is ModelFamily.Pca;

    /// <summary>Reads flattened windows (paper 001) rather than convolving over time (paper 000).</summary>
    public static bool IsDense(this ModelFamily family) => family is ModelFamily.DenseAe or ModelFamily.DenseAeBn or ModelFamily.DenseAae;
}

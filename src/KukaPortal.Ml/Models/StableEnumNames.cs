using System.Reflection;
using System.Text.Json.Serialization;

namespace KukaPortal.Ml.Models;

/// <summary>
/// The names an enum's members carry in <see cref="JsonStringEnumMemberNameAttribute"/>: the stable spelling written
/// in artifacts and typed on the CLI, read once per enum so that the JSON and the command line can never disagree.
/// </summary>
public static class StableEnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToDictionary(
        v => v,
        v => typeof(TEnum).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString());

    public static IReadOnlyList<string> All { get; } = [.. Names.Values];

    public static string Of(TEnum value) => Names[value];

    /// <summary>Case-insensitive, so that <c>--model Conv-AE</c> works as well as the canonical spelling.</summary>
    public static bool TryParse(string? name, out TEnum value)
    {
        foreach (var (candidate, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}

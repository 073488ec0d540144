namespace KukaPortal.Core.Simulation;

/// <summary>The command-line names of <see cref="AnomalyKind"/> (e.g. <c>--anomalies slowdown,collision</c>).</summary>
public static class AnomalyKinds
{
    private static readonly AnomalyKind[] All = Enum.GetValues<AnomalyKind>();

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<AnomalyKind> Kinds => All;

    /// <summary>The names the parser accepts, in declaration order: slowdown, collision, payload, …</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(NameOf).ToArray();

    public static string NameOf(AnomalyKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out AnomalyKind kind)
    {
        var name = text?.Trim() ?? "";
        foreach (var candidate in All)
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <exception cref="FormatException">The name is not one of <see cref="Names"/>.</exception>
    public static AnomalyKind Parse(string text) =>
        TryParse(text, out var kind) ? kind : throw new FormatException(UnknownMessage([text?.Trim() ?? ""]));

    /// <summary>
    /// Parses a comma-separated list such as <c>slowdown,collision</c>, ignoring case, blanks and
    /// repeats. An empty text or <c>none</c> means a purely normal recording.
    /// </summary>
    /// <exception cref="FormatException">Some names are unknown; the message lists them and the known ones.</exception>
    public static IReadOnlyList<AnomalyKind> ParseList(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && string.Equals(parts[0], "none", StringComparison.OrdinalIgnoreCase))
            return [];

        var kinds = new List<AnomalyKind>();
        var unknown = new List<string>();
        foreach (var part in parts)
        {
            if (!TryParse(part, out var kind)) unknown.Add(part);
            else if (!kinds.Contains(kind)) kinds.Add(kind);
        }
        if (unknown.Count > 0) throw new FormatException(UnknownMessage(unknown));
        return kinds;
    }

    private static string UnknownMessage(IReadOnlyList<string> unknown) =>
        $"Unknown anomaly kind{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}. " +
        $"Known kinds: {string.Join(", ", Names)} (or 'none').";
}

using System.Globalization;

namespace KukaPortal.Web.History;

/// <summary>
/// The period of the history page and its exports, as the URL carries it: <c>range=24h|7d|30d|1y</c> (ending now)
/// or <c>range=custom&amp;from=…&amp;to=…</c> (ISO 8601). Pure, so the page and the endpoints read the URL alike.
/// </summary>
public sealed record HistoryRange(string Preset, DateTimeOffset From, DateTimeOffset To)
{
    public const string Custom = "custom";
    public const string DefaultPreset = "7d";

    public static readonly IReadOnlyList<(string Key, string Label, TimeSpan Span)> Presets =
    [
        ("24h", "24 hours", TimeSpan.FromHours(24)),
        ("7d", "7 days", TimeSpan.FromDays(7)),
        ("30d", "30 days", TimeSpan.FromDays(30)),
        ("1y", "1 year", TimeSpan.FromDays(365)),
    ];

    /// <summary>The range, or a sentence saying what is wrong with the query.</summary>
    public static (HistoryRange? Range, string? Error) Parse(string? range, string? from, string? to, DateTimeOffset now)
    {
        var preset = string.IsNullOrWhiteSpace(range) ? DefaultPreset : range.Trim().ToLowerInvariant();
        if (preset != Custom)
        {
            var match = Presets.FirstOrDefault(p => p.Key == preset);
            if (match.Key is null)
                return (null, $"range must be one of {string.Join(", ", Presets.Select(p => p.Key))} or custom, not \"{range}\".");
            return (new HistoryRange(preset, now - match.Span, now), null);
        }
        if (ParseTime(from) is not { } start) return (null, $"from is not a date and time: \"{from}\" (use ISO 8601, e.g. 2026-11-23T10:00:00Z).");
        if (ParseTime(to) is not { } end) return (null, $"to is not a date and time: \"{to}\" (use ISO 8601, e.g. 2026-11-23T10:00:00Z).");
        if (start >= end) return (null, "from must be before to.");
        if (end - start > TimeSpan.FromDays(3660)) return (null, "The range may span at most ten years.");
        return (new HistoryRange(Custom, start, end), null);
    }

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value : null;

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The query string of this range and asset, as the page's URL and export links carry it.</summary>
    public string Query(int? assetId)
    {
        var parts = new List<string>();
        if (assetId is { } asset) parts.Add($"asset={asset}");
        parts.Add($"range={Preset}");
        if (Preset == Custom) parts.Add($"from={Uri.EscapeDataString(Iso(From))}&to={Uri.EscapeDataString(Iso(To))}");
        return string.Join('&', parts);
    }
}

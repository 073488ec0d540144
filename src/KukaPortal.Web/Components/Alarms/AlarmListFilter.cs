using System.Globalization;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using Microsoft.AspNetCore.WebUtilities;

namespace KukaPortal.Web.Components.Alarms;

/// <summary>
/// The alarm list's filters, order and page as the page edits them, and their form in the URL's query
/// string, so a filtered view can be bookmarked and shared. Values the URL gets wrong (an unknown state,
/// a date that does not parse) are dropped rather than failing the page. Dates are UTC days; "to" is
/// inclusive (the whole day).
/// </summary>
public sealed class AlarmListFilter
{
    public const string UnclassifiedValue = "none";
    public static readonly int[] PageSizes = [25, 50, 100];

    public int? AssetId { get; set; }
    public IReadOnlyCollection<AlarmState> States { get; set; } = [];
    public AlarmPriority? Priority { get; set; }

    /// <summary>A classification's name, <see cref="UnclassifiedValue"/>, or null for any.</summary>
    public string? Classification { get; set; }
    public DateTime? RaisedFrom { get; set; }
    public DateTime? RaisedTo { get; set; }
    public AlarmSortField SortBy { get; set; } = AlarmSortField.RaisedAt;
    public bool Descending { get; set; } = true;
    public int Page { get; set; }
    public int PageSize { get; set; } = PageSizes[0];

    public AlarmListQuery ToQuery() => new()
    {
        AssetId = AssetId,
        States = States.ToList(),
        Priority = Priority,
        Classification = Enum.TryParse<AlarmClassification>(Classification, out var c) ? c : null,
        Unclassified = Classification == UnclassifiedValue,
        RaisedFrom = RaisedFrom is { } from ? new DateTimeOffset(from.Date, TimeSpan.Zero) : null,
        RaisedTo = RaisedTo is { } to ? new DateTimeOffset(to.Date.AddDays(1), TimeSpan.Zero) : null,
        SortBy = SortBy,
        Descending = Descending,
        Page = Page,
        PageSize = PageSize,
    };

    /// <summary>The query string parameters; defaults are left out so that plain /alarms stays plain.</summary>
    public Dictionary<string, object?> ToQueryParameters() => new()
    {
        ["asset"] = AssetId,
        ["state"] = States.Count == 0 ? null : States.Order().Select(s => s.ToString()).ToArray(),
        ["priority"] = Priority?.ToString(),
        ["class"] = Classification,
        ["from"] = RaisedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = RaisedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["sort"] = SortBy == AlarmSortField.RaisedAt ? null : SortBy.ToString(),
        ["dir"] = Descending ? null : "asc",
        ["page"] = Page == 0 ? null : Page + 1,
        ["size"] = PageSize == PageSizes[0] ? null : PageSize,
    };

    /// <summary>Reads the filter from a URL (absolute or relative) as <see cref="ToQueryParameters"/> wrote it.</summary>
    public static AlarmListFilter FromUri(string uri)
    {
        var queryStart = uri.IndexOf('?');
        var query = QueryHelpers.ParseQuery(queryStart < 0 ? "" : uri[queryStart..]);
        string? One(string key) => query.TryGetValue(key, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0] : null;
        int? Int(string key) => int.TryParse(One(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        DateTime? Date(string key) => DateTime.TryParseExact(One(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        static T? Enum<T>(string? value) where T : struct, Enum =>
            value is not null && !int.TryParse(value, out _) && System.Enum.TryParse<T>(value, ignoreCase: true, out var e) && System.Enum.IsDefined(e) ? e : null;

        var classification = One("class");
        var size = Int("size");
        return new AlarmListFilter
        {
            AssetId = Int("asset"),
            States = query.TryGetValue("state", out var states)
                ? states.Select(s => Enum<AlarmState>(s)).OfType<AlarmState>().Distinct().ToArray()
                : [],
            Priority = Enum<AlarmPriority>(One("priority")),
            Classification = classification == UnclassifiedValue ? UnclassifiedValue : Enum<AlarmClassification>(classification)?.ToString(),
            RaisedFrom = Date("from"),
            RaisedTo = Date("to"),
            SortBy = Enum<AlarmSortField>(One("sort")) ?? AlarmSortField.RaisedAt,
            Descending = One("dir") != "asc",
            Page = Math.Max(0, (Int("page") ?? 1) - 1),
            PageSize = size is { } s && PageSizes.Contains(s) ? s : PageSizes[0],
        };
    }
}

using System.Globalization;

namespace KukaPortal.Web.History;

/// <summary>How the history pages write times (UTC, so managers in different places read the same) and durations.</summary>
public static class HistoryFormat
{
    public static string Time(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";

    public static string Duration(TimeSpan? d) => d switch
    {
        null => "–",
        { TotalSeconds: < 60 } s => $"{s.TotalSeconds:0} s",
        { TotalMinutes: < 60 } m => m.Seconds == 0 ? $"{(int)m.TotalMinutes} min" : $"{(int)m.TotalMinutes} min {m.Seconds} s",
        { TotalHours: < 48 } h => $"{(int)h.TotalHours} h {h.Minutes} min",
        { } l => $"{(int)l.TotalDays} d {l.Hours} h",
    };
}

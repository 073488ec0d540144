using KukaPortal.Core.Alarms.Load;
using KukaPortal.Data.Scores.History;

namespace KukaPortal.Web.History;

/// <summary>
/// ApexCharts options of the history page's charts. Times go over as Unix milliseconds (UTC); the targets are
/// horizontal annotation lines, so they show whatever the data's range.
/// </summary>
public static class HistoryCharts
{
    /// <summary>ISA-18.2's rule of thumb for one operator: about 1 alarm per 10 minutes is acceptable, 2 manageable.</summary>
    public const double AcceptablePer10Minutes = 1;
    public const double ManageablePer10Minutes = 2;

    public static object Scores(ScoreHistory history) => new
    {
        chart = new { type = "line", height = 320, zoom = new { enabled = true }, toolbar = new { show = true } },
        series = new object[]
        {
            new { name = "max calibrated score", data = history.Points.Select(p => new object[] { Ms(p.At), p.Max }) },
            new { name = "mean calibrated score", data = history.Points.Select(p => new object[] { Ms(p.At), p.Mean }) },
        },
        stroke = new { width = new[] { 1.5, 1.5 } },
        colors = new[] { "#ff7043", "#4fc3f7" },
        xaxis = new { type = "datetime", labels = new { datetimeUTC = true } },
        yaxis = new { min = 0, labels = new { formatter = "number" }, title = new { text = "calibrated score" } },
        annotations = new { yaxis = new[] { Line(1, "#f44336", "threshold") } },
        legend = new { position = "top" },
        tooltip = new { x = new { format = "yyyy-MM-dd HH:mm:ss" } },
    };

    public static object Rate(IReadOnlyList<AlarmRatePoint> rate) => new
    {
        chart = new { type = "line", height = 280, zoom = new { enabled = true } },
        series = new object[]
        {
            new { name = "busiest 10 minutes", data = rate.Select(p => new object[] { Ms(p.Start), p.MaxPer10Minutes }) },
            new { name = "mean per 10 minutes", data = rate.Select(p => new object[] { Ms(p.Start), Math.Round(p.MeanPer10Minutes, 3) }) },
        },
        stroke = new { width = new[] { 1, 2 }, curve = "stepline" },
        colors = new[] { "#ffb74d", "#81c784" },
        xaxis = new { type = "datetime", labels = new { datetimeUTC = true } },
        // Both target lines stay in view even for a quiet period.
        yaxis = new
        {
            min = 0, max = Math.Max(ManageablePer10Minutes + 0.5, rate.Count == 0 ? 0 : rate.Max(p => p.MaxPer10Minutes) + 0.5),
            labels = new { formatter = "number" }, title = new { text = "alarms per 10 min" },
        },
        annotations = new
        {
            yaxis = new[]
            {
                Line(AcceptablePer10Minutes, "#66bb6a", "acceptable (1 per 10 min)"),
                Line(ManageablePer10Minutes, "#ffa726", "manageable (2 per 10 min)"),
            },
        },
        legend = new { position = "top" },
    };

    public static object TopOffenders(IReadOnlyList<AssetAlarmCount> offenders, Func<int, string> assetName) => new
    {
        chart = new { type = "bar", height = Math.Max(160, 36 * offenders.Count + 60) },
        series = new object[] { new { name = "alarms", data = offenders.Select(o => o.Alarms) } },
        plotOptions = new { bar = new { horizontal = true } },
        colors = new[] { "#ef5350" },
        xaxis = new { categories = offenders.Select(o => assetName(o.AssetId)), labels = new { formatter = "integer" } },
        dataLabels = new { enabled = true },
    };

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    private static object Line(double y, string color, string text) => new
    {
        y, borderColor = color, strokeDashArray = 4,
        label = new { text, borderColor = color, style = new { color = "#000", background = color } },
    };
}

using KukaPortal.Data.Alarms;

namespace KukaPortal.Web.Components.Alarms;

/// <summary>
/// The ApexCharts options of an alarm's score trace: the calibrated score of each window over time, the
/// threshold (1.0) as a line, and the alarm's windows (first to last) shaded on the time axis.
/// </summary>
public static class AlarmTraceChart
{
    public static object Options(AlarmDetail detail)
    {
        var points = detail.Trace.Select(p => new object[] { p.At.ToUnixTimeMilliseconds(), Math.Round(p.Calibrated, 4) }).ToArray();
        var inAlarm = detail.Trace.Where(p => p.WindowIndex >= detail.FirstWindowIndex && p.WindowIndex <= detail.LastWindowIndex).ToList();
        var shading = inAlarm.Count == 0 ? Array.Empty<object>() :
        [
            new
            {
                x = inAlarm[0].At.ToUnixTimeMilliseconds(),
                x2 = inAlarm[^1].At.ToUnixTimeMilliseconds(),
                fillColor = "#ff5252",
                opacity = 0.15,
                label = new { text = "Alarm", style = new { background = "#ff5252", color = "#fff" } },
            },
        ];
        return new
        {
            chart = new { type = "line", height = 320, zoom = new { enabled = true }, toolbar = new { show = true } },
            series = new[] { new { name = "Score / threshold", data = points } },
            stroke = new { width = 2 },
            markers = new { size = 0 },
            xaxis = new { type = "datetime", labels = new { formatter = "time" }, title = new { text = "Window time" } },
            yaxis = new { title = new { text = "Score / threshold" }, min = 0, labels = new { formatter = "number" } },
            tooltip = new { x = new { formatter = "datetime" } },
            annotations = new
            {
                yaxis = new[] { new { y = 1, borderColor = "#ff5252", strokeDashArray = 4, label = new { text = "Threshold", style = new { background = "#ff5252", color = "#fff" } } } },
                xaxis = shading,
            },
        };
    }
}

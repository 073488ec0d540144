using System.Text.Json;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Components.Alarms;

namespace KukaPortal.Web.Tests.Alarms;

public sealed class AlarmTraceChartTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static AlarmDetail Detail(int first, int last, int windows) => new(
        new AlarmListRow(1, 2, "Press", T0, null, AlarmState.ActiveUnacknowledged, AlarmPriority.High, 3, null, null, null, null),
        Guid.NewGuid(), first, last, null, null, null, [],
        Enumerable.Range(0, windows).Select(i => new AlarmTracePoint(i, T0.AddSeconds(i), i >= first && i <= last ? 3 : 0.5)).ToList(), null);

    // As the interop sends it: camelCase JSON.
    private static JsonElement Json(object options) =>
        JsonSerializer.SerializeToElement(options, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Shades_the_alarm_windows_and_draws_the_threshold_at_one()
    {
        var json = Json(AlarmTraceChart.Options(Detail(first: 10, last: 14, windows: 30)));

        var shading = json.GetProperty("annotations").GetProperty("xaxis").EnumerateArray().ShouldHaveSingleItem();
        shading.GetProperty("x").GetInt64().ShouldBe(T0.AddSeconds(10).ToUnixTimeMilliseconds());
        shading.GetProperty("x2").GetInt64().ShouldBe(T0.AddSeconds(14).ToUnixTimeMilliseconds());
        json.GetProperty("annotations").GetProperty("yaxis")[0].GetProperty("y").GetDouble().ShouldBe(1);
        var data = json.GetProperty("series")[0].GetProperty("data");
        data.GetArrayLength().ShouldBe(30);
        data[12][1].GetDouble().ShouldBe(3);
    }

    [Fact]
    public void Without_the_alarm_windows_in_the_trace_nothing_is_shaded()
    {
        var json = Json(AlarmTraceChart.Options(Detail(first: 50, last: 60, windows: 20)));

        json.GetProperty("annotations").GetProperty("xaxis").GetArrayLength().ShouldBe(0);
    }
}

using System.Text.Json;
using KukaPortal.Web.Components.Training;
using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Tests.Training;

public class TrainingChartsTests
{
    /// <summary>JSON has no NaN: the chart options of a diverged run must still serialise, or the interop call ends the circuit.</summary>
    [Fact]
    public void A_loss_that_is_not_a_number_becomes_a_gap_in_the_chart_options()
    {
        var options = TrainingCharts.Reconstruction([new LossPoint(10, 0.5, 0.6, null, null), new LossPoint(20, double.NaN, double.PositiveInfinity, null, null)]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(options));

        var series = json.RootElement.GetProperty("series");
        var training = series[0].GetProperty("data");
        (training[0].GetProperty("x").GetDouble(), training[0].GetProperty("y").GetDouble()).ShouldBe((10, 0.5));
        training[1].GetProperty("y").ValueKind.ShouldBe(JsonValueKind.Null);
        series[1].GetProperty("data")[1].GetProperty("y").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}

using System.Text.Json;
using KukaPortal.Core.Preprocessing;

namespace KukaPortal.Core.Tests.Preprocessing;

public class ScalerStateTests
{
    [Fact]
    public void Writes_the_kind_by_its_stable_name()
    {
        var json = JsonSerializer.Serialize(new MinMaxScaler([0f], [1f]).ToState());

        json.ShouldBe("""{"Kind":"minmax","Parameters":{"minimums":[0],"maximums":[1]}}""");
    }

    [Fact]
    public void Reads_kind_names_back()
    {
        var state = JsonSerializer.Deserialize<ScalerState>("""{"kind":"quantile-normal","parameters":{"quantiles":[0,1],"references":[2,4]}}""",
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        var scaler = state.Restore().ShouldBeOfType<QuantileScaler>();
        scaler.NormalOutput.ShouldBeTrue();
    }

    [Fact]
    public void A_state_missing_a_parameter_is_a_damaged_artifact()
    {
        var state = new ScalerState(ScalerKind.Standard, new Dictionary<string, double[]> { ["means"] = [1] });

        Should.Throw<InvalidDataException>(() => state.Restore()).Message.ShouldContain("scales");
    }
}

using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

/// <summary>What every scaler promises, checked for each kind on the same mixed data (with a constant channel).</summary>
public class ScalerContractTests
{
    private static readonly TimeSeries Normal = TestData.Mixed(500);

    public static TheoryData<ScalerKind> Kinds => [.. Enum.GetValues<ScalerKind>()];

    [Theory, MemberData(nameof(Kinds))]
    public void Values_far_outside_the_fitted_range_stay_finite(ScalerKind kind)
    {
        var scaler = Scalers.Fit(kind, Normal);
        float[] extremes = [-float.MaxValue, -1e30f, -1e6f, 1e6f, 1e30f, float.MaxValue];
        var rows = extremes.SelectMany(v => new[] { v, v, v, v }).ToArray();

        var scaled = scaler.Transform(new TimeSeries(Normal.Channels, rows));

        scaled.Values.ShouldAllBe(v => float.IsFinite(v));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_constant_channel_maps_to_one_finite_value_and_stays_finite_when_it_moves(ScalerKind kind)
    {
        var scaler = Scalers.Fit(kind, Normal);
        var moved = new TimeSeries(Normal.Channels, [50, 1, -2, -1000, 50, 1, -2, 1e9f]);

        var fitted = TestData.Column(scaler.Transform(Normal), 3);

        fitted.ShouldAllBe(v => float.IsFinite(v) && v == fitted[0]);
        TestData.Column(scaler.Transform(moved), 3).ShouldAllBe(v => float.IsFinite(v));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void NaN_stays_NaN(ScalerKind kind)
    {
        var scaler = Scalers.Fit(kind, Normal);

        var scaled = scaler.Transform(new TimeSeries(Normal.Channels, [float.NaN, 1, float.NaN, float.NaN]));

        float.IsNaN(scaled.Values[0]).ShouldBeTrue();
        float.IsNaN(scaled.Values[2]).ShouldBeTrue();
        float.IsNaN(scaled.Values[3]).ShouldBeTrue();
        float.IsFinite(scaled.Values[1]).ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Fitting_ignores_non_finite_values(ScalerKind kind)
    {
        var clean = new TimeSeries(["a"], [1, 2, 4, 8, 3]);
        var dirty = new TimeSeries(["a"], [1, float.NaN, 2, 4, float.PositiveInfinity, 8, 3, float.NegativeInfinity]);
        var probe = new TimeSeries(["a"], [0, 2.5f, 9]);

        Scalers.Fit(kind, dirty).Transform(probe).Values.ShouldBe(Scalers.Fit(kind, clean).Transform(probe).Values);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Inverse_recovers_the_normal_data(ScalerKind kind)
    {
        var scaler = Scalers.Fit(kind, Normal);

        var restored = scaler.InverseTransform(scaler.Transform(Normal));

        for (var c = 0; c < Normal.ChannelCount; c++)
        {
            var expected = TestData.Column(Normal, c);
            var actual = TestData.Column(restored, c);
            // Quantile inverses are exact only at references, so they get the tolerance of one reference step.
            var tolerance = kind is ScalerKind.QuantileUniform or ScalerKind.QuantileNormal ? 0.05 : 1e-4;
            for (var r = 0; r < expected.Length; r++)
                actual[r].ShouldBe(expected[r], tolerance * Math.Max(1, Math.Abs(expected[r])));
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_state_survives_a_json_round_trip_with_identical_outputs(ScalerKind kind)
    {
        var scaler = Scalers.Fit(kind, Normal);
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(scaler.ToState(), web);
        var restored = JsonSerializer.Deserialize<ScalerState>(json, web)!.Restore();

        restored.Kind.ShouldBe(kind);
        var probe = TestData.Mixed(200, seed: 9);
        restored.Transform(probe).Values.ShouldBe(scaler.Transform(probe).Values);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Refuses_a_series_with_another_channel_count(ScalerKind kind)
    {
        var scaler = Scalers.Fit(kind, Normal);

        Should.Throw<ArgumentException>(() => scaler.Transform(new TimeSeries(["a"], [1, 2])));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Refuses_a_channel_without_any_finite_value(ScalerKind kind) =>
        Should.Throw<InvalidOperationException>(() => Scalers.Fit(kind, new TimeSeries(["a", "b"], [1, float.NaN, 2, float.NaN])));
}

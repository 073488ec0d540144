using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class MinMaxScalerTests
{
    [Fact]
    public void Maps_the_fitted_range_of_each_channel_to_zero_one()
    {
        // channel a: 2..6, channel b: -1..1
        var normal = new TimeSeries(["a", "b"], [2, -1, 4, 0, 6, 1]);

        var scaled = MinMaxScaler.Fit(normal).Transform(normal);

        scaled.Values.ShouldBe([0f, 0f, 0.5f, 0.5f, 1f, 1f]);
    }

    [Fact]
    public void Values_outside_the_fitted_range_stay_outside_zero_one()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [0, 10]));

        scaler.Transform(new TimeSeries(["a"], [-5, 20])).Values.ShouldBe([-0.5f, 2f]);
    }

    [Fact]
    public void A_constant_channel_maps_to_zero_instead_of_dividing_by_zero()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [3, 3, 3]));

        scaler.Transform(new TimeSeries(["a"], [3, 4])).Values.ShouldBe([0f, 0f]);
    }

    [Fact]
    public void Ignores_non_finite_values_when_fitting()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [1, float.NaN, 3, float.PositiveInfinity]));

        scaler.Minimums.ShouldBe([1f]);
        scaler.Maximums.ShouldBe([3f]);
    }

    [Fact]
    public void Refuses_a_series_with_another_channel_count()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [1, 2]));

        Should.Throw<ArgumentException>(() => scaler.Transform(new TimeSeries(["a", "b"], [1, 2])));
    }

    [Fact]
    public void Inverse_maps_zero_one_back_to_the_fitted_range()
    {
        // a: min 2, range 4 → 0.25 ↦ 2 + 0.25·4 = 3; b: constant 5 comes back as 5 whatever the input.
        var scaler = new MinMaxScaler([2f, 5f], [6f, 5f]);

        scaler.InverseTransform(new TimeSeries(["a", "b"], [0.25f, 0f, 1.5f, 0.7f])).Values.ShouldBe([3f, 5f, 8f, 5f]);
    }

    [Fact]
    public void Its_state_uses_the_names_of_the_first_artifacts()
    {
        var state = new MinMaxScaler([1f], [2f]).ToState();

        state.Kind.ShouldBe(ScalerKind.MinMax);
        state.Parameters["minimums"].ShouldBe([1.0]);
        state.Parameters["maximums"].ShouldBe([2.0]);
    }
    [Fact]
    public void Every_channel_of_a_wide_row_is_scaled_in_float_and_overflow_saturates_only_finite_readings()
    {
        // 19 channels: whole vector blocks and a tail whatever the vector width. Channel c spans [c, 2c + 1].
        const int channels = 19;
        var minimums = Enumerable.Range(0, channels).Select(c => (float)c).ToArray();
        var maximums = Enumerable.Range(0, channels).Select(c => 2f * c + 1f).ToArray();
        (minimums[1], maximums[1]) = (0f, 1e-30f); // a tiny range: scaling a large reading overflows float
        (minimums[17], maximums[17]) = (0f, 1e-30f);
        var scaler = new MinMaxScaler(minimums, maximums);
        var row = Enumerable.Range(0, channels).Select(c => c * 1.37f - 3.1f).ToArray();
        row[1] = 1e20f;                      // finite, overflows → float.MaxValue
        row[17] = -1e20f;                    // in the tail: → −float.MaxValue
        row[2] = float.NaN;                  // stays NaN
        row[3] = float.PositiveInfinity;     // an infinite reading stays infinite
        var values = row.Concat(row.Select(v => v + 0.25f)).ToArray();

        var scaled = scaler.Transform(new TimeSeries([.. Enumerable.Range(0, channels).Select(c => $"ch{c}")], values)).Values;

        for (var i = 0; i < values.Length; i++)
        {
            var c = i % channels;
            var expected = (values[i] - minimums[c]) * (1f / (maximums[c] - minimums[c]));
            if (float.IsInfinity(expected) && float.IsFinite(values[i]))
                expected = expected > 0 ? float.MaxValue : -float.MaxValue;
            BitConverter.SingleToInt32Bits(scaled[i]).ShouldBe(BitConverter.SingleToInt32Bits(expected), $"value {i} (channel {c})");
        }
        scaled[1].ShouldBe(float.MaxValue);
        scaled[17].ShouldBe(-float.MaxValue);
    }
}

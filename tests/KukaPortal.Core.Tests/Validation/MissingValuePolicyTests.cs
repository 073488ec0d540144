using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Core.Validation;

namespace KukaPortal.Core.Tests.Validation;

public class MissingValuePolicyTests
{
    private const float N = float.NaN;

    private static ValidatedRecording Validate(TimeSeries series, MissingValuePolicy policy, double maxFraction) =>
        RecordingValidator.Validate(new ParsedRecording("run", series, RecordingRole.Unspecified, RecordingFormat.Csv),
            new ValidationOptions { MissingValues = policy, MaxMissingFraction = maxFraction });

    [Fact]
    public void Interpolates_linearly_and_extends_the_nearest_value_into_leading_and_trailing_gaps()
    {
        var series = new TimeSeries(["a", "b"], [N, 10, 1, 20, N, float.NegativeInfinity, N, 40, 4, 50, N, 60]);

        var cleaned = Validate(series, MissingValuePolicy.Interpolate, 0.7).Cleaned.ShouldNotBeNull();

        cleaned.Values.ShouldBe([1, 10, 1, 20, 2, 30, 3, 40, 4, 50, 4, 60]);
    }

    [Fact]
    public void Rejects_interpolation_beyond_the_maximum_fraction_of_a_channel()
    {
        var validated = Validate(new TimeSeries(["a", "b"], [N, 1, 2, 1, N, 1, 4, 1]), MissingValuePolicy.Interpolate, 0.25);

        validated.Cleaned.ShouldBeNull();
        validated.Report.Errors.ShouldHaveSingleItem().Message.ShouldBe("Channel 'a' is 50.0 % missing or infinite, more than the 25.0 % the interpolate policy may fill.");
    }

    [Fact]
    public void Cannot_interpolate_a_channel_with_no_value_at_all() =>
        Validate(new TimeSeries(["a", "b"], [N, 1, N, 2]), MissingValuePolicy.Interpolate, 1).Report.Errors.ShouldHaveSingleItem()
            .Message.ShouldBe("Channel 'a' has no finite value to interpolate from.");

    [Fact]
    public void Drops_incomplete_rows_with_their_times_and_labels()
    {
        var series = new TimeSeries(["a", "b"], [1, 2, N, 3, 4, 5, 6, float.PositiveInfinity], [0, 1, 2, 3], [true, false, true, false]);

        var validated = Validate(series, MissingValuePolicy.DropRows, 0.5);

        var cleaned = validated.Cleaned.ShouldNotBeNull();
        cleaned.Values.ShouldBe([1f, 2f, 4f, 5f]);
        cleaned.Timestamps.ShouldBe([0, 2]);
        cleaned.Labels.ShouldBe([true, true]);
        validated.Report.MissingValues.ShouldBe(new MissingValueReport(MissingValuePolicy.DropRows, 2, 2, 2, 0));
        validated.Report.Warnings.ShouldHaveSingleItem().Message.ShouldBe("Dropped 2 rows with missing or infinite values (50.0 %), the first at row 2.");
    }

    [Fact]
    public void Rejects_dropping_more_rows_than_allowed() =>
        Validate(new TimeSeries(["a"], [1, N, N, 4]), MissingValuePolicy.DropRows, 0.05).Report.Errors.ShouldHaveSingleItem()
            .Message.ShouldBe("2 of 4 rows (50.0 %) have missing or infinite values, more than the 5.0 % the dropRows policy may drop.");

    [Fact]
    public void Leaves_a_complete_recording_untouched()
    {
        var series = new TimeSeries(["a"], [1, 2]);

        Validate(series, MissingValuePolicy.DropRows, 0).Cleaned.ShouldBeSameAs(series);
    }
}

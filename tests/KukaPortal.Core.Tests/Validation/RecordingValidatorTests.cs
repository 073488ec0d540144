using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Core.Validation;

namespace KukaPortal.Core.Tests.Validation;

public class RecordingValidatorTests
{
    private static RecordingReport Report(TimeSeries series, ValidationOptions? options = null) =>
        RecordingValidator.Validate(new ParsedRecording("run", series, RecordingRole.Unspecified, RecordingFormat.Csv), options).Report;

    private static TimeSeries OneChannel(float[] values, double[]? times = null, bool[]? labels = null) => new(["a"], values, times, labels);

    [Fact]
    public void Measures_the_sampling_period_its_jitter_and_the_span()
    {
        // Steps 1, 2, 1, 2, 4: median 2; deviations 1, 0, 1, 0, 2 → MAD 1; mean 2 → population std √1.2.
        var timing = Report(OneChannel([1, 2, 3, 4, 5, 6], times: [0, 1, 3, 4, 6, 10])).Timing.ShouldNotBeNull();

        timing.PeriodMedianSeconds.ShouldBe(2);
        timing.PeriodJitterMadSeconds.ShouldBe(1);
        timing.PeriodJitterStdSeconds!.Value.ShouldBe(Math.Sqrt(1.2), 1e-12);
        timing.SpanSeconds.ShouldBe(10);
        (timing.NonMonotonicSteps, timing.DuplicateTimestamps).ShouldBe((0, 0));
    }

    [Fact]
    public void Counts_duplicate_and_backward_timestamps_naming_the_first_row()
    {
        var report = Report(OneChannel([1, 2, 3, 4, 5, 6, 7], times: [0, 0.1, 0.2, 0.2, 0.35, 0.3, 0.4]));

        var timing = report.Timing.ShouldNotBeNull();
        (timing.DuplicateTimestamps, timing.FirstDuplicateRow).ShouldBe((1, 4L));
        (timing.NonMonotonicSteps, timing.FirstNonMonotonicRow).ShouldBe((1, 6L));
        timing.PeriodMedianSeconds!.Value.ShouldBe(0.1, 1e-12);
        report.Accepted.ShouldBeTrue();
        report.Warnings.Select(w => (w.Code, w.Message, w.Row)).ShouldBe([
            ("nonMonotonicTimestamps", "1 timestamp goes back in time, the first at row 6.", 6L),
            ("duplicateTimestamps", "1 timestamp equals the one before, the first at row 4.", 4L),
        ]);
    }

    [Fact]
    public void Counts_missing_and_infinite_values_per_channel_and_finds_constant_channels()
    {
        var series = new TimeSeries(["a", "b"], [1, float.PositiveInfinity, float.NaN, 2, 3, 2, float.NaN, 2], labels: [false, true, true, false]);

        var report = Report(series, new ValidationOptions { MissingValues = MissingValuePolicy.Interpolate, MaxMissingFraction = 0.5 });

        report.Channels.ShouldBe([
            new ChannelReport("a", Missing: 2, Infinite: 0, FirstNonFiniteRow: 2, Min: 1, Max: 3, Mean: 2, Constant: false),
            new ChannelReport("b", Missing: 0, Infinite: 1, FirstNonFiniteRow: 1, Min: 2, Max: 2, Mean: 2, Constant: true),
        ]);
        report.ConstantChannels.ShouldBe(["b"]);
        report.Labels.ShouldBe(new LabelReport(Normal: 2, Anomalous: 2));
        report.MissingValues.ShouldBe(new MissingValueReport(MissingValuePolicy.Interpolate, MissingValues: 3, RowsWithMissing: 3, RowsDropped: 0, ValuesInterpolated: 3));
        report.Warnings.Select(w => w.Message).ShouldBe([
            "Channel 'b' is constant (2); it carries no information.",
            "Channel 'a': 2 missing or infinite values interpolated, the first at row 2.",
            "Channel 'b': 1 missing or infinite value interpolated, the first at row 1.",
        ]);
    }

    [Fact]
    public void Rejects_missing_values_by_default_naming_each_channel()
    {
        var validated = RecordingValidator.Validate(new ParsedRecording("run", new TimeSeries(["a", "b", "c"], [1, float.NaN, 1, float.NaN, float.NaN, 2]), RecordingRole.Normal, RecordingFormat.Npy));

        validated.Cleaned.ShouldBeNull();
        validated.Report.Errors.Select(e => (e.Code, e.Message, e.Channel, e.Row)).ShouldBe([
            ("missingValues", "Channel 'a' has 1 missing or infinite value, the first at row 2; the missing-value policy is reject.", "a", 2L),
            ("missingValues", "Channel 'b' has 2 missing or infinite values, the first at row 1; the missing-value policy is reject.", "b", 1L),
        ]);
    }

    [Fact]
    public void Rejects_a_different_channel_set_whatever_the_order()
    {
        var series = new TimeSeries(["b", "a", "d"], [1, 2, 3]);

        Report(series, new ValidationOptions { ExpectedChannels = ["d", "b", "a"] }).Accepted.ShouldBeTrue();
        var report = Report(series, new ValidationOptions { ExpectedChannels = ["a", "b", "c", "e"] });

        report.ChannelSet.ShouldNotBeNull().Missing.ShouldBe(["c", "e"]);
        report.ChannelSet.Extra.ShouldBe(["d"]);
        report.Errors.ShouldHaveSingleItem().ShouldBe(new ValidationIssue("channelSetMismatch", "The channels differ from the asset's (missing: c, e; extra: d)."));
    }

    [Fact]
    public void Carries_a_readers_error_with_its_location()
    {
        var failure = new RecordingFailure("x.csv", new RecordingFormatException(RecordingErrorKind.NotANumber, "'q' is not a number.", 7, "a2", "x.csv"));

        var report = RecordingValidator.Rejected(failure);

        report.Accepted.ShouldBeFalse();
        report.Errors.ShouldHaveSingleItem().ShouldBe(new ValidationIssue("notANumber", "x.csv, line 7, column 'a2': 'q' is not a number.") { Line = 7, Column = "a2" });
    }

    [Fact]
    public async Task Validates_a_whole_upload_including_the_files_that_fail()
    {
        var files = new[]
        {
            SourceFile.FromBytes("good.csv", "time,a,b\n0,1,2\n0.5,1,3\n"u8.ToArray()),
            SourceFile.FromBytes("bad.csv", "a\nx\n"u8.ToArray()),
        };

        var batch = await RecordingValidator.ValidateAsync(files, cancellationToken: TestContext.Current.CancellationToken);

        batch.Reports.Select(r => (r.Source, r.Accepted)).ShouldBe([("good.csv", true), ("bad.csv", false)]);
        batch.Recordings[0].Cleaned.ShouldBeSameAs(batch.Recordings[0].Recording!.Series);
        batch.Accepted.ShouldBeFalse();
    }
}

using KukaPortal.Core.Streaming;

namespace KukaPortal.Core.Tests.Streaming;

public class SampleChecksTests
{
    private static readonly string[] Expected = ["a", "b", "c"];

    private static (AcceptedSamples? Samples, string? Problem) Check(string[] channels, double[] times, double[][] rows, double? last = null, int maxRows = 100) =>
        SampleChecks.Check(new IncomingSamples(channels, times, rows), Expected, last, maxRows);

    [Fact]
    public void Columns_are_reordered_to_the_expected_channels_by_name()
    {
        var (samples, problem) = Check(["c", "a", "b"], [1, 2], [[3, 1, 2], [30, 10, 20]]);

        problem.ShouldBeNull();
        samples!.Values.ShouldBe([1f, 2f, 3f, 10f, 20f, 30f]);
        samples.Timestamps.ShouldBe([1.0, 2.0]);
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, "missing 'c'")]
    [InlineData(new[] { "a", "b", "c", "d" }, "unknown 'd'")]
    [InlineData(new[] { "a", "b", "b" }, "Column 'b' is sent twice")]
    public void A_channel_set_that_differs_names_the_channels(string[] channels, string message)
    {
        var row = new double[channels.Length];
        Check(channels, [1], [row]).Problem.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void Timestamps_must_increase_strictly_and_follow_the_last_accepted_sample()
    {
        double[][] rows = [[1, 2, 3], [1, 2, 3], [1, 2, 3]];
        Check(Expected, [1, 2, 2], rows).Problem.ShouldBe("Row 2: timestamp 2 is not after the previous row's (2); timestamps must increase strictly.");
        Check(Expected, [5, 6, 7], rows, last: 5).Problem.ShouldBe("Row 0: timestamp 5 is not after the last accepted sample (5); send only new samples.");
        Check(Expected, [5, 6, 7], rows, last: 4.5).Problem.ShouldBeNull();
    }

    [Fact]
    public void Values_that_are_not_finite_or_do_not_fit_a_float_are_named_by_row_and_column()
    {
        Check(Expected, [1, 2], [[1, 2, 3], [1, double.NaN, 3]]).Problem.ShouldNotBeNull().ShouldStartWith("Row 1, column 'b': NaN is not a finite number");
        Check(Expected, [1], [[1, 2, 1e300]]).Problem.ShouldNotBeNull().ShouldStartWith("Row 0, column 'c'");
    }

    [Fact]
    public void Empty_oversized_and_ragged_chunks_are_refused()
    {
        Check(Expected, [], []).Problem.ShouldBe("The chunk holds no rows.");
        Check(Expected, [1, 2, 3], [[1, 2, 3], [1, 2, 3], [1, 2, 3]], maxRows: 2).Problem.ShouldBe("The chunk holds 3 rows; at most 2 are accepted per request.");
        Check(Expected, [1, 2], [[1, 2, 3], [1, 2]]).Problem.ShouldBe("Row 1 has 2 values for 3 channels.");
    }
}

using KukaPortal.Web.History;

namespace KukaPortal.Web.Tests.History;

public sealed class HistoryRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, 7 * 24)]
    [InlineData("24h", 24)]
    [InlineData("30D", 30 * 24)]
    [InlineData("1y", 365 * 24)]
    public void A_preset_ends_now(string? preset, int hours)
    {
        var (range, error) = HistoryRange.Parse(preset, null, null, Now);

        error.ShouldBeNull();
        range!.To.ShouldBe(Now);
        (range.To - range.From).ShouldBe(TimeSpan.FromHours(hours));
    }

    [Fact]
    public void A_custom_range_round_trips_through_the_query_string()
    {
        var (range, _) = HistoryRange.Parse("custom", "2026-01-01T00:00:00Z", "2026-01-08T06:30:00+02:00", Now);

        range!.From.ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        range.To.ShouldBe(new DateTimeOffset(2026, 1, 8, 4, 30, 0, TimeSpan.Zero));
        range.Query(7).ShouldBe("asset=7&range=custom&from=2026-01-01T00%3A00%3A00Z&to=2026-01-08T04%3A30%3A00Z");
        var query = System.Web.HttpUtility.ParseQueryString(range.Query(7));
        HistoryRange.Parse(query["range"], query["from"], query["to"], Now).Range.ShouldBe(range);
    }

    [Theory]
    [InlineData("2w", null, null, "range must be one of 24h, 7d, 30d, 1y or custom, not \"2w\".")]
    [InlineData("custom", "yesterday", "2026-01-02", "from is not a date and time: \"yesterday\" (use ISO 8601, e.g. 2026-11-23T10:00:00Z).")]
    [InlineData("custom", "2026-01-02", null, "to is not a date and time: \"\" (use ISO 8601, e.g. 2026-11-23T10:00:00Z).")]
    [InlineData("custom", "2026-01-02", "2026-01-01", "from must be before to.")]
    public void A_bad_query_gets_a_sentence_saying_what_is_wrong(string range, string? from, string? to, string expected)
    {
        var (parsed, error) = HistoryRange.Parse(range, from, to, Now);

        parsed.ShouldBeNull();
        error.ShouldBe(expected);
    }
}

using KukaPortal.Core.Alarms.Load;

namespace KukaPortal.Core.Tests.Alarms;

public sealed class AlarmRateSeriesTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_each_10_minutes_of_a_short_period()
    {
        var raises = new[] { From.AddMinutes(1), From.AddMinutes(9), From.AddMinutes(10), From.AddMinutes(35), From.AddMinutes(-1), From.AddHours(1) };

        var rate = AlarmRateSeries.Compute(raises, From, From.AddHours(1));

        rate.Select(p => p.MaxPer10Minutes).ShouldBe([2, 1, 0, 1, 0, 0]);
        rate.Select(p => p.Start).ShouldBe(Enumerable.Range(0, 6).Select(i => From.AddMinutes(10 * i)));
    }

    [Fact]
    public void A_year_is_grouped_into_at_most_maxPoints_with_the_busiest_bucket_kept()
    {
        var to = From.AddDays(365);
        var flood = From.AddDays(200);
        var raises = Enumerable.Range(0, 12).Select(i => flood.AddSeconds(i)).Append(From.AddDays(3));

        var rate = AlarmRateSeries.Compute(raises, From, to, maxPoints: 2000);

        rate.Count.ShouldBeLessThanOrEqualTo(2000);
        rate.Max(p => p.MaxPer10Minutes).ShouldBe(12);
        rate.Sum(p => p.MeanPer10Minutes * 27).ShouldBe(13, tolerance: 1e-9); // 52,560 buckets / 2000 → 27 per point
    }
}

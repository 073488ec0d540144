using KukaPortal.Core.Alarms;
using KukaPortal.Core.Alarms.Load;

namespace KukaPortal.Core.Tests.Alarms;

public class AlarmLoadCalculatorTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(1);

    /// <summary>
    /// One hour (6 ten-minute units). Asset 1 raises 3 times in 50 s (chattering) and once more; asset 2
    /// twice, plus once while out of service (recorded, not annunciated, so no load). Asset 3 has
    /// standing alarms from before the period: one 25 h old (stale) and one 23 h old (not yet).
    /// </summary>
    private static readonly AlarmRecord[] Alarms =
    [
        new(1, 1, From, true, AlarmState.ActiveAcknowledged, true, From.AddSeconds(30), AlarmClassification.TrueAnomaly),
        new(2, 1, From.AddSeconds(20), true, AlarmState.Normal, false, From.AddSeconds(110), AlarmClassification.FalseAlarm),
        new(3, 1, From.AddSeconds(50), true, AlarmState.ReturnedUnacknowledged, false, null, AlarmClassification.FalseAlarm),
        new(4, 1, From.AddMinutes(30), true, AlarmState.ActiveUnacknowledged, true, null, AlarmClassification.Unknown),
        new(5, 2, From.AddMinutes(5), true, AlarmState.Normal, false, From.AddMinutes(6), AlarmClassification.Maintenance),
        new(6, 2, From.AddMinutes(7), true, AlarmState.Shelved, true, null, null),
        new(7, 2, From.AddMinutes(8), false, AlarmState.OutOfService, true, null, null),
        new(98, 3, To.AddHours(-23), true, AlarmState.ActiveUnacknowledged, true, null, null),
        new(99, 3, To.AddHours(-25), true, AlarmState.ActiveAcknowledged, true, null, null),
    ];

    [Fact]
    public void Rates_count_annunciated_alarms_raised_in_the_period()
    {
        var report = AlarmLoadCalculator.Compute(Alarms, From, To, now: To, new AlarmOptions());

        report.TotalAlarms.ShouldBe(6); // 4 of asset 1, 2 annunciated of asset 2
        report.AlarmsPer10Minutes.ShouldBe(1.0, 1e-12);
        report.PerAsset.ShouldBe([new AssetAlarmCount(1, 4, 4 / 6.0), new AssetAlarmCount(2, 2, 2 / 6.0)]);
    }

    [Fact]
    public void Time_to_acknowledge_mean_and_max()
    {
        var report = AlarmLoadCalculator.Compute(Alarms, From, To, To, new AlarmOptions());

        // 30 s, 90 s and 60 s.
        report.Acknowledged.ShouldBe(3);
        report.MeanTimeToAcknowledge.ShouldBe(TimeSpan.FromSeconds(60));
        report.MaxTimeToAcknowledge.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void False_alarm_ratio_leaves_unknown_and_unclassified_out()
    {
        var report = AlarmLoadCalculator.Compute(Alarms, From, To, To, new AlarmOptions());

        // TrueAnomaly, FalseAlarm, FalseAlarm, Maintenance are verdicts; Unknown and null are not.
        report.Classified.ShouldBe(4);
        report.FalseAlarms.ShouldBe(2);
        report.FalseAlarmRatio.ShouldBe(0.5);
    }

    [Fact]
    public void Chattering_is_three_raises_of_one_asset_within_a_minute()
    {
        var report = AlarmLoadCalculator.Compute(Alarms, From, To, To, new AlarmOptions());

        report.Chattering.ShouldBe([new ChatteringAsset(1, 3, From.AddSeconds(50))]);
    }

    [Fact]
    public void Chattering_limits_are_configurable()
    {
        var report = AlarmLoadCalculator.Compute(Alarms, From, To, To, new AlarmOptions { ChatterRaises = 2, ChatterWindow = TimeSpan.FromSeconds(25) });

        // Asset 1: 0 s and 20 s. Asset 2's raises are 2 minutes apart.
        report.Chattering.ShouldBe([new ChatteringAsset(1, 2, From.AddSeconds(20))]);
    }

    [Fact]
    public void Stale_alarms_have_been_active_longer_than_24_hours()
    {
        var report = AlarmLoadCalculator.Compute(Alarms, From, To, To, new AlarmOptions());

        report.StaleAlarmIds.ShouldBe([99L]);
    }

    [Fact]
    public void Top_offenders_are_assets_by_alarm_count()
    {
        AlarmLoadCalculator.Compute(Alarms, From, To, To, new AlarmOptions()).TopOffenders.Select(o => (o.AssetId, o.Alarms))
            .ShouldBe([(1, 4), (2, 2)]);
        AlarmLoadCalculator.Compute(Alarms, From, To, To, new AlarmOptions { TopOffenders = 1 }).TopOffenders.Select(o => o.AssetId)
            .ShouldBe([1]);
    }

    [Fact]
    public void Floods_are_more_than_ten_alarms_in_ten_minutes()
    {
        // 12 raises 30 s apart, one lone raise at 20 min, then 11 raises 10 s apart from 30 min.
        var raises = Enumerable.Range(0, 12).Select(k => From.AddSeconds(30 * k))
            .Append(From.AddMinutes(20))
            .Concat(Enumerable.Range(0, 11).Select(k => From.AddMinutes(30).AddSeconds(10 * k)));

        var report = AlarmLoadCalculator.Compute(Records(raises), From, To, To, new AlarmOptions());

        report.Floods.ShouldBe([
            new FloodPeriod(From, From.AddSeconds(330), 12),
            new FloodPeriod(From.AddMinutes(30), From.AddMinutes(30).AddSeconds(100), 11),
        ]);
    }

    [Fact]
    public void Eleven_alarms_spanning_exactly_ten_minutes_are_no_flood()
    {
        // Windows are half-open: the raises at 0 and at 10 minutes never share one.
        var report = AlarmLoadCalculator.Compute(Records(Enumerable.Range(0, 11).Select(m => From.AddMinutes(m))), From, To, To, new AlarmOptions());

        report.Floods.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_period_has_no_averages()
    {
        var report = AlarmLoadCalculator.Compute([], From, To, To, new AlarmOptions());

        report.TotalAlarms.ShouldBe(0);
        report.MeanTimeToAcknowledge.ShouldBeNull();
        report.FalseAlarmRatio.ShouldBeNull();
    }

    private static AlarmRecord[] Records(IEnumerable<DateTimeOffset> raises) =>
        raises.Select((at, i) => new AlarmRecord(i + 1, 1 + i % 3, at, true, AlarmState.Normal, false, null, null)).ToArray();
}

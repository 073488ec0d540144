using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Tests.Windowing;

public class WindowInfoTests
{
    [Fact]
    public void Each_window_keeps_its_rows_and_the_times_of_its_first_and_last_sample()
    {
        // 7 rows sampled every 0.5 s from t = 100; windows of 3, no overlap: rows [0,3) and [3,6); row 6 is a partial window
        double[] times = [.. Enumerable.Range(0, 7).Select(r => 100 + 0.5 * r)];
        bool[] labels = [false, false, false, false, false, true, true];
        var series = new TimeSeries(["a"], new float[7], times, labels);

        var infos = WindowInfo.Describe(series, WindowSlicer.Slice(series, 3, WindowDefaults.ScoringStride(3)));

        infos.ShouldBe([
            new WindowInfo(0, 0, 3, StartTime: 100, EndTime: 101, IsAnomalous: false),
            new WindowInfo(1, 3, 6, StartTime: 101.5, EndTime: 102.5, IsAnomalous: true),
        ]);
    }

    [Fact]
    public void Without_timestamps_times_come_from_the_sampling_period_and_labels_are_unknown()
    {
        var series = new TimeSeries(["a"], new float[8]);

        var info = WindowInfo.Describe(series, [new WindowSpan(0, 4, 4)], fallbackPeriodSeconds: 0.01).Single();

        info.StartTime.ShouldBe(0.04, 1e-12);
        info.EndTime.ShouldBe(0.07, 1e-12);
        info.IsAnomalous.ShouldBeNull();
    }

    [Fact]
    public void A_window_beyond_the_series_has_no_times() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new WindowSpan(0, 6, 4).EndTime(new TimeSeries(["a"], new float[8])));
}

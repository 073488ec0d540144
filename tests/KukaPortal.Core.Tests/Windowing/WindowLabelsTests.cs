using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Tests.Windowing;

public class WindowLabelsTests
{
    [Fact]
    public void A_window_is_anomalous_if_any_of_its_samples_is()
    {
        // rows 0..9, only row 4 anomalous; windows of 3 every 2 rows: [0,3) [2,5) [4,7) [6,9)
        var labels = Enumerable.Range(0, 10).Select(r => r == 4).ToArray();
        var series = new TimeSeries(["a"], new float[10], labels: labels);

        WindowLabels.Of(series, WindowSlicer.Slice(series, window: 3, stride: 2)).ShouldBe([false, true, true, false]);
    }

    [Fact]
    public void An_unlabelled_series_has_no_window_labels() =>
        Should.Throw<ArgumentException>(() => WindowLabels.Of(new TimeSeries(["a"], new float[4]), WindowSlicer.Slice(4, 2, 2)));
}

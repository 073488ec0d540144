using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Tests.Windowing;

public class WindowCopierTests
{
    [Fact]
    public void Copies_a_window_channels_first()
    {
        // 4 rows x 2 channels, row-major: a = 0,1,2,3 and b = 10,11,12,13
        var series = new TimeSeries(["a", "b"], [0, 10, 1, 11, 2, 12, 3, 13]);
        var destination = new float[6];

        WindowCopier.CopyChannelsFirst(series, new WindowSpan(0, StartRow: 1, Length: 3), destination);

        destination.ShouldBe([1f, 2f, 3f, 11f, 12f, 13f]);
    }

    [Fact]
    public void Refuses_a_window_beyond_the_series()
    {
        var series = new TimeSeries(["a"], [1, 2, 3]);

        Should.Throw<ArgumentOutOfRangeException>(() => WindowCopier.CopyChannelsFirst(series, new WindowSpan(0, 2, 2), new float[2]));
    }
}

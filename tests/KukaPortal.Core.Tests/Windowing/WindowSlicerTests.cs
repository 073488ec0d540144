using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Tests.Windowing;

public class WindowSlicerTests
{
    [Fact]
    public void Non_overlapping_windows_cover_whole_windows_only()
    {
        var spans = WindowSlicer.Slice(rows: 100, window: 30, stride: 30);

        spans.Select(s => s.StartRow).ShouldBe([0, 30, 60]);
        spans.ShouldAllBe(s => s.Length == 30);
        spans.Last().EndRow.ShouldBe(90); // rows 90..99 are a partial window, which a model cannot score
    }

    [Fact]
    public void Overlapping_windows_advance_by_the_stride()
    {
        var spans = WindowSlicer.Slice(rows: 50, window: 30, stride: 10);

        spans.Select(s => (s.Index, s.StartRow, s.EndRow)).ShouldBe([(0, 0, 30), (1, 10, 40), (2, 20, 50)]);
    }

    [Fact]
    public void A_recording_shorter_than_one_window_has_no_window()
    {
        WindowSlicer.Slice(rows: 29, window: 30, stride: 10).ShouldBeEmpty();
        WindowSlicer.Count(rows: 0, window: 30, stride: 10).ShouldBe(0);
    }

    [Fact]
    public void A_stride_larger_than_the_window_skips_rows()
    {
        var spans = WindowSlicer.Slice(rows: 100, window: 10, stride: 40);

        spans.Select(s => s.StartRow).ShouldBe([0, 40, 80]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    public void Window_and_stride_must_be_positive(int window, int stride) =>
        Should.Throw<ArgumentOutOfRangeException>(() => WindowSlicer.Slice(10, window, stride));

    [Theory]
    [InlineData(100, 30, 30, 10)]   // windows end at 90: the partial window of rows 90..99 is dropped
    [InlineData(90, 30, 30, 0)]
    [InlineData(29, 30, 10, 29)]    // shorter than one window: nothing is covered
    [InlineData(85, 10, 40, 35)]    // windows [0,10) and [40,50); rows 50..84 follow the last one
    public void Reports_the_rows_after_the_last_window(int rows, int window, int stride, int tail) =>
        WindowSlicer.UncoveredTail(rows, window, stride).ShouldBe(tail);
}

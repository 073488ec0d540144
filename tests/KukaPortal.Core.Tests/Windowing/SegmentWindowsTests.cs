using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Tests.Windowing;

public class SegmentWindowsTests
{
    [Fact]
    public void No_window_crosses_the_join_between_two_segments()
    {
        // Segments of 10 and 7 rows at W = 4, stride 3: rows 0..9 give windows at 0, 3, 6; rows 10..16 at 10, 13.
        var spans = SegmentWindows.Slice([10, 7], window: 4, stride: 3);

        spans.Select(s => s.StartRow).ShouldBe([0, 3, 6, 10, 13]);
        spans.Select(s => s.Index).ShouldBe([0, 1, 2, 3, 4]);
        spans.ShouldAllBe(s => s.Length == 4);
    }

    [Fact]
    public void A_segment_shorter_than_a_window_gives_no_window_but_moves_the_rows_of_the_next()
    {
        var spans = SegmentWindows.Slice([5, 2, 5], window: 5, stride: 5);

        spans.Select(s => s.StartRow).ShouldBe([0, 7]);
    }

    [Fact]
    public void One_segment_slices_exactly_as_the_slicer_does()
    {
        SegmentWindows.Slice([100], 16, 5).ShouldBe(WindowSlicer.Slice(100, 16, 5));
    }
}

using KukaPortal.Ml.Training;
using Shouldly;

namespace KukaPortal.Ml.Tests.Training;

public sealed class HoldOutSplitTests
{
    [Fact]
    public void Held_out_windows_are_the_last_ones_and_no_training_window_overlaps_them()
    {
        var split = HoldOutSplit.Of(rows: 1000, window: 30, stride: 10, heldOutFraction: 0.1);

        split.HeldOut.Count.ShouldBe(10);                                   // ceil(98 windows × 0.1)
        split.HeldOut[^1].EndRow.ShouldBe(1000);
        split.HeldOut.Zip(split.HeldOut.Skip(1)).ShouldAllBe(p => p.Second.StartRow == p.First.StartRow + 10);
        split.Training.ShouldAllBe(w => w.EndRow <= split.HeldOut[0].StartRow);
        split.TrainingRows.ShouldBe(split.HeldOut[0].StartRow);
    }

    [Fact]
    public void Too_short_a_recording_is_refused_with_the_numbers()
    {
        var error = Should.Throw<ArgumentException>(() => HoldOutSplit.Of(rows: 40, window: 30, stride: 10, heldOutFraction: 0.1));
        error.Message.ShouldContain("40 rows");
    }

    [Fact]
    public void Segments_are_windowed_apart_and_the_held_out_windows_come_from_the_last_segment()
    {
        // Segments of 500 and 400 rows at W = 30, stride 10: 48 + 38 windows, 9 held out from the end of the second.
        var split = HoldOutSplit.Of([500, 400], window: 30, stride: 10, heldOutFraction: 0.1);

        split.HeldOut.Count.ShouldBe(9);
        split.HeldOut.ShouldAllBe(w => w.StartRow >= 500);
        split.Training.Count(w => w.StartRow < 500).ShouldBe(48);
        split.Training.ShouldNotContain(w => w.StartRow < 500 && w.EndRow > 500); // no window across the join
        split.Training.ShouldAllBe(w => w.EndRow <= split.HeldOut[0].StartRow);
    }

    [Fact]
    public void One_segment_splits_exactly_as_a_single_recording()
    {
        HoldOutSplit.Of([1000], 30, 10, 0.1).ShouldBeEquivalentTo(HoldOutSplit.Of(1000, 30, 10, 0.1));
    }

    [Fact]
    public void Training_segments_lay_pieces_end_to_end_in_the_first_pieces_channel_order()
    {
        var first = new KukaPortal.Core.Series.TimeSeries(["a", "b"], [1, 2, 3, 4]);
        var reordered = new KukaPortal.Core.Series.TimeSeries(["b", "a"], [20, 10]);

        var segments = TrainingSegments.Of([first, reordered]);

        segments.Series.Channels.ShouldBe(["a", "b"]);
        segments.Series.Values.ShouldBe([1f, 2, 3, 4, 10, 20]);
        segments.SegmentRows.ShouldBe([2, 1]);
    }
}

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
}

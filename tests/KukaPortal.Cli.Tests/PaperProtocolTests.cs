using KukaPortal.Cli.Commands.Experiments;

namespace KukaPortal.Cli.Tests;

/// <summary>Paper 000's split on sizes small enough to check by hand.</summary>
public class PaperProtocolTests
{
    [Fact]
    public void Normal_is_the_first_90_percent_for_training_and_the_last_10_percent_for_validation_at_stride_W_over_3()
    {
        var split = PaperProtocol.Split(normalRows: 1000, abnormalRows: 500, window: 30, strict: false);

        split.NormalTraining.ShouldBe(new RowRange(0, 900));
        split.NormalValidation.ShouldBe(new RowRange(900, 1000));
        split.NormalTest.Rows.ShouldBe(0);
        split.NormalStride.ShouldBe(10);
        // (100 − 30) / 10 + 1 = 8 windows, starting at rows 900, 910, …, 970.
        split.NormalValidationWindows.Select(w => w.StartRow).ShouldBe([900, 910, 920, 930, 940, 950, 960, 970]);
        split.NormalValidationWindows.ShouldAllBe(w => w.Length == 30);
    }

    [Fact]
    public void Abnormal_is_the_first_10_percent_for_validation_and_the_rest_for_test_without_overlap()
    {
        var split = PaperProtocol.Split(normalRows: 1000, abnormalRows: 500, window: 30, strict: false);

        split.AbnormalValidation.ShouldBe(new RowRange(0, 50));
        split.AbnormalTest.ShouldBe(new RowRange(50, 500));
        split.AbnormalStride.ShouldBe(30);
        split.AbnormalValidationWindows.Select(w => w.StartRow).ShouldBe([0]);          // 50 rows hold one window of 30
        split.AbnormalTestWindows.Count.ShouldBe(15);                                   // 450 / 30
        split.AbnormalTestWindows[0].StartRow.ShouldBe(50);
        split.AbnormalTestWindows[^1].EndRow.ShouldBe(500);
        split.AbnormalTestWindows.Zip(split.AbnormalTestWindows.Skip(1)).ShouldAllBe(p => p.First.EndRow == p.Second.StartRow);
    }

    [Fact]
    public void No_validation_or_test_window_shares_a_row_with_the_training_part()
    {
        foreach (var strict in new[] { false, true })
        {
            var split = PaperProtocol.Split(normalRows: 2345, abnormalRows: 789, window: 70, strict);

            split.NormalValidationWindows.Min(w => w.StartRow).ShouldBeGreaterThanOrEqualTo(split.NormalTraining.End);
            split.NormalValidationWindows.Max(w => w.EndRow).ShouldBeLessThanOrEqualTo(split.NormalValidation.End);
            split.AbnormalValidationWindows.Max(w => w.EndRow).ShouldBeLessThanOrEqualTo(split.AbnormalTest.Start);
            if (strict)
                split.NormalTestWindows.Min(w => w.StartRow).ShouldBeGreaterThanOrEqualTo(split.NormalValidation.End);
        }
    }

    [Fact]
    public void The_strict_split_keeps_the_last_10_percent_of_normal_as_test()
    {
        var split = PaperProtocol.Split(normalRows: 1000, abnormalRows: 500, window: 30, strict: true);

        split.NormalTraining.ShouldBe(new RowRange(0, 800));
        split.NormalValidation.ShouldBe(new RowRange(800, 900));
        split.NormalTest.ShouldBe(new RowRange(900, 1000));
        split.NormalTestWindows.Select(w => w.StartRow).ShouldBe([900, 910, 920, 930, 940, 950, 960, 970]);
        split.AbnormalTest.ShouldBe(new RowRange(50, 500));
    }

    [Fact]
    public void W_100_uses_stride_33_for_normal_windows()
    {
        var split = PaperProtocol.Split(normalRows: 10_000, abnormalRows: 5_000, window: 100, strict: false);

        split.NormalStride.ShouldBe(33);
        split.NormalValidationWindows.Count.ShouldBe(28);                               // (1000 − 100) / 33 + 1
        split.AbnormalTestWindows.Count.ShouldBe(45);                                   // 4500 / 100
    }

    [Fact]
    public void A_part_too_short_for_one_window_is_refused_by_name()
    {
        var refused = Should.Throw<ArgumentException>(() => PaperProtocol.Split(normalRows: 1000, abnormalRows: 200, window: 30, strict: false));

        refused.Message.ShouldContain("abnormal validation part (rows 0–20) has 20 rows, fewer than one window of 30");
    }
}

using KukaPortal.Core.Streaming;

namespace KukaPortal.Core.Tests.Streaming;

public class WindowFormerTests
{
    // Two channels; row r holds (r, -r) and time r / 10, so every window's content names its rows.
    private static (float[] Values, double[] Times) Rows(long first, int count)
    {
        var values = new float[count * 2];
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[2 * i] = first + i;
            values[2 * i + 1] = -(first + i);
            times[i] = (first + i) / 10.0;
        }
        return (values, times);
    }

    private static List<FormedWindow> Feed(WindowFormer former, long first, params int[] chunkSizes)
    {
        var formed = new List<FormedWindow>();
        var row = first;
        foreach (var size in chunkSizes)
        {
            var (values, times) = Rows(row, size);
            formed.AddRange(former.Append(values, times));
            row += size;
        }
        return formed;
    }

    [Fact]
    public void Non_overlapping_windows_come_out_as_soon_as_their_last_row_arrives()
    {
        var former = new WindowFormer(channels: 2, window: 4, stride: 4);

        former.Append(Rows(0, 3).Values, Rows(0, 3).Times).ShouldBeEmpty();
        var windows = former.Append(Rows(3, 6).Values, Rows(3, 6).Times);

        windows.Select(w => w.Index).ShouldBe([0, 1]);
        windows.Select(w => w.StartRow).ShouldBe([0L, 4L]);
        windows[1].Values.ShouldBe([4f, -4f, 5f, -5f, 6f, -6f, 7f, -7f]);
        windows[1].StartSeconds.ShouldBe(0.4);
        windows[1].EndSeconds.ShouldBe(0.7);
        former.NextWindowStartRow.ShouldBe(8);
        former.BufferedRows.ShouldBe(1);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 2)]
    [InlineData(3, 7)]
    public void Chunks_that_split_windows_give_the_same_windows_as_one_chunk(int window, int stride)
    {
        var whole = Feed(new WindowFormer(2, window, stride), 0, 50);
        var split = Feed(new WindowFormer(2, window, stride), 0, 1, 2, 3, 7, 1, 11, 5, 20);

        split.Count.ShouldBe(whole.Count);
        split.Count.ShouldBe((50 - window) / stride + 1);
        for (var i = 0; i < whole.Count; i++)
        {
            split[i].Index.ShouldBe(whole[i].Index);
            split[i].StartRow.ShouldBe(whole[i].StartRow);
            split[i].Values.ShouldBe(whole[i].Values);
            split[i].EndSeconds.ShouldBe(whole[i].EndSeconds);
        }
    }

    [Fact]
    public void A_stride_above_the_window_skips_the_rows_between_windows()
    {
        var windows = Feed(new WindowFormer(2, window: 2, stride: 5), 0, 3, 9);

        windows.Select(w => w.StartRow).ShouldBe([0L, 5L, 10L]);
        windows[2].Values.ShouldBe([10f, -10f, 11f, -11f]);
    }

    [Fact]
    public void A_former_resumed_at_the_stored_position_continues_the_same_windows()
    {
        var uninterrupted = Feed(new WindowFormer(2, 4, 3), 0, 40);

        var first = new WindowFormer(2, 4, 3);
        var before = Feed(first, 0, 17);
        // A crash loses the buffered rows; the stream restarts from the next window's start.
        var resumed = new WindowFormer(2, 4, 3, first.NextWindowStartRow, first.NextWindowIndex);
        var after = Feed(resumed, first.NextWindowStartRow, (int)(40 - first.NextWindowStartRow));

        before.Concat(after).Select(w => (w.Index, w.StartRow)).ShouldBe(uninterrupted.Select(w => (w.Index, w.StartRow)));
    }

    [Fact]
    public void Values_that_do_not_fill_whole_rows_are_refused()
    {
        var former = new WindowFormer(2, 4, 4);
        Should.Throw<ArgumentException>(() => former.Append(new float[3], new double[2])).Message.ShouldContain("3 values do not fill 2 rows of 2 channels");
    }
}

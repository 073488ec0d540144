using KukaPortal.Data.Entities;
using KukaPortal.Web.Streaming;

namespace KukaPortal.Web.Tests.Streaming;

public class RecentChunksTests
{
    private static readonly Guid Run = Guid.NewGuid();

    private static SampleChunk Chunk(long firstRow, int rows, Guid? run = null) => new()
    {
        RunId = run ?? Run, FirstRow = firstRow, Rows = rows, Values = new float[rows], Timestamps = new double[rows],
    };

    private static long[] FirstRows(IReadOnlyList<SampleChunk> chunks) => chunks.Select(c => c.FirstRow).ToArray();

    [Fact]
    public void Chunks_committed_in_another_order_come_back_in_row_order_and_the_consumed_ones_are_forgotten()
    {
        var recent = new RecentChunks();
        recent.Follow(Run);
        recent.Add(Chunk(16, 16));
        recent.Add(Chunk(0, 16));
        recent.Add(Chunk(32, 16));

        FirstRows(recent.From(Run, 0, 1000)).ShouldBe([0, 16, 32]);
        // The pipeline consumed rows 0..23: the first chunk is gone, the one holding row 24 comes first.
        FirstRows(recent.From(Run, 24, 1000)).ShouldBe([16, 32]);
        FirstRows(recent.From(Run, 0, 1000)).ShouldBeEmpty();
    }

    [Fact]
    public void Without_the_chunk_holding_the_next_row_nothing_is_handed_over_so_the_database_is_read()
    {
        var recent = new RecentChunks();
        recent.Follow(Run);
        recent.Add(Chunk(32, 16)); // rows 16..31 went to another node

        recent.From(Run, 16, 1000).ShouldBeEmpty();
    }

    [Fact]
    public void Handing_over_stops_at_a_gap_and_after_about_the_rows_asked_for()
    {
        var recent = new RecentChunks();
        recent.Follow(Run);
        foreach (var first in new long[] { 0, 16, 32, 64 })
            recent.Add(Chunk(first, 16));

        FirstRows(recent.From(Run, 0, 1000)).ShouldBe([0, 16, 32]);
        FirstRows(recent.From(Run, 0, 20)).ShouldBe([0, 16]);
    }

    [Fact]
    public void Only_followed_runs_keep_chunks_and_each_keeps_a_bounded_number()
    {
        var recent = new RecentChunks();
        var other = Guid.NewGuid();
        recent.Add(Chunk(0, 16)); // before the pipeline followed the run
        recent.Add(Chunk(0, 16, other)); // no pipeline here follows it
        recent.Follow(Run);
        recent.From(Run, 0, 1000).ShouldBeEmpty();
        recent.From(other, 0, 1000).ShouldBeEmpty();

        for (var i = 0; i <= RecentChunks.MaxChunksPerRun; i++)
            recent.Add(Chunk(i * 16L, 16));
        recent.From(Run, 0, 1000).ShouldBeEmpty(); // the oldest went
        recent.From(Run, 16, int.MaxValue).Count.ShouldBe(RecentChunks.MaxChunksPerRun);

        recent.Unfollow(Run);
        recent.From(Run, 16, 1000).ShouldBeEmpty();
    }
}

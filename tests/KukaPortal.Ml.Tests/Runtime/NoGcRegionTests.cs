using System.Runtime;
using KukaPortal.Ml.Runtime;
using Shouldly;

namespace KukaPortal.Ml.Tests.Runtime;

/// <summary>
/// The region that keeps TorchSharp's temporary Scalars from being finalized mid-call: entering it (now without a
/// full blocking collection when the budget is there) really suspends collection, and leaving it restores it.
/// </summary>
public sealed class NoGcRegionTests
{
    [Fact]
    public void Inside_the_region_allocating_within_the_budget_runs_no_collection_and_leaving_ends_it()
    {
        // A heap with something in it, as during a scoring job.
        var live = Enumerable.Range(0, 50_000).Select(i => new byte[64]).ToList();

        using (NoGcRegion.Enter())
        {
            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
            var started = GC.CollectionCount(0);
            for (var i = 0; i < 10_000; i++)
                live[i % live.Count] = new byte[1024]; // 10 MB, well within the budget
            GC.CollectionCount(0).ShouldBe(started);
        }

        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        GC.KeepAlive(live);
    }

    [Fact]
    public void A_region_entered_inside_another_is_a_no_op_and_the_outer_one_stays()
    {
        using (NoGcRegion.Enter())
        {
            using (NoGcRegion.Enter())
                GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
        }
        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
    }
}

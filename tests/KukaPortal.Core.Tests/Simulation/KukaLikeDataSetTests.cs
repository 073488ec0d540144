using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

public class KukaLikeDataSetTests
{
    [Fact]
    public void By_default_the_pair_has_the_sizes_of_the_papers_data_set()
    {
        var options = new KukaLikeDataSetOptions();

        KukaLikeDataSet.NormalOptions(options).Rows.ShouldBe(233_792);
        KukaLikeDataSet.SlowOptions(options).Rows.ShouldBe(41_538);
        KukaLikeDataSet.NormalOptions(options).Anomalies.ShouldBeEmpty();
        KukaLikeDataSet.SlowOptions(options).Anomalies.ShouldBe([AnomalyKind.Slowdown]);
    }

    [Fact]
    public void A_scale_shrinks_both_recordings_in_proportion_unless_a_size_is_given()
    {
        var options = new KukaLikeDataSetOptions { Scale = 0.1, SlowRows = 5_000 };

        options.ResolvedNormalRows.ShouldBe(23_379);
        options.ResolvedSlowRows.ShouldBe(5_000);
    }

    [Fact]
    public void The_slow_recording_holds_only_slowdowns_on_about_a_third_of_its_rows_and_the_normal_one_none()
    {
        var pair = KukaLikeDataSet.Generate(new KukaLikeDataSetOptions { NormalRows = 6_000, SlowRows = 12_000, Seed = 5 });

        pair.Normal.Series.Rows.ShouldBe(6_000);
        pair.Normal.Events.ShouldBeEmpty();
        pair.Normal.Series.Labels!.ShouldAllBe(label => !label);
        pair.Slow.Series.Rows.ShouldBe(12_000);
        pair.Slow.Events.Count.ShouldBeGreaterThan(2);
        pair.Slow.Events.ShouldAllBe(e => e.Kind == AnomalyKind.Slowdown);
        (pair.Slow.Series.Labels!.Count(label => label) / 12_000.0).ShouldBeInRange(0.15, 0.5);
        // Different seeds: the slow recording is not the normal one with slowdowns added.
        pair.Slow.Series.Values.AsSpan(0, 1_000).SequenceEqual(pair.Normal.Series.Values.AsSpan(0, 1_000)).ShouldBeFalse();
    }
}

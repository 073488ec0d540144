using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Tests.Runtime;
using Shouldly;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Scoring;

/// <summary>
/// Scoring runs outside the no-GC region because it leaves no temporary Scalar for the finalizer (see
/// <c>ReconstructionScorer</c>): a Scalar finalized mid-call frees memory libtorch still reads. Every family's
/// scoring path is checked, so a new family or a new <c>x * 2</c> in a forward pass fails here, not in a plant.
/// </summary>
public sealed class ScalarFreeScoringTests
{
    public static TheoryData<ModelFamily> Families => new(Enum.GetValues<ModelFamily>());

    [Fact]
    public void The_counter_sees_a_temporary_scalar_and_not_a_disposed_one()
    {
        using var x = ones(3);
        using var two = 2.ToScalar();

        TemporaryScalars.LeftBy(() =>
        {
            using var product = x * 2;
        }).ShouldBe(1);
        TemporaryScalars.LeftBy(() =>
        {
            using var product = x.mul(two);
        }).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Scoring_a_batch_leaves_no_temporary_scalar(ModelFamily family)
    {
        var settings = TrainedDetectorFixture.Settings with { Family = family };
        var series = SyntheticSeries.Normal(200, seed: 3);
        var spans = WindowSlicer.Slice(series, settings.Window, settings.Window);
        spans.Count.ShouldBeLessThan(ReconstructionScorer.RegionFromWindows); // a live step's batch: no region at all
        using var model = ModelCatalog.Create(settings, series.ChannelCount);
        ReconstructionScorer.Evaluate(model, series, spans, CPU); // first call: anything built once is built here

        var scores = Array.Empty<double>();
        TemporaryScalars.LeftBy(() => scores = ReconstructionScorer.Evaluate(model, series, spans, CPU).Scores).ShouldBe(0);
        scores.Length.ShouldBe(spans.Count);
        scores.ShouldAllBe(s => double.IsFinite(s));
    }
}

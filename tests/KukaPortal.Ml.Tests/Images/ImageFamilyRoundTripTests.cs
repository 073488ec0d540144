using KukaPortal.Ml.Images;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class ImageFamilyRoundTripTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kpm-family-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(TinyImageSettings.Families), MemberType = typeof(TinyImageSettings))]
    public void Every_family_trains_calibrates_its_terms_and_scores_the_same_after_loading(ImageModelFamily family)
    {
        var normal = SyntheticImages.Normal(12, 32, 3, seed: 51);
        var probe = SyntheticImages.Defective(3, 32, 3, seed: 52).Select(d => d.Image).ToArray();
        var settings = TinyImageSettings.For(family, channels: 3) with { Iterations = 3, BatchSize = 4, HeldOutFraction = 0.25 };
        var path = Path.Combine(folder, $"{family}.kpm");

        using var trained = ImageTrainer.Train(normal, settings, CPU, ct: TestContext.Current.CancellationToken);
        trained.Save(path);
        using var loaded = ImageDetector.Load(path, CPU);

        var model = ImageModelCatalog.CreateModel(settings);
        trained.Metadata.Terms.Select(t => (t.Name, t.Weight)).ShouldBe(model.Terms.Select(t => (t.Name, t.Weight)));
        model.Dispose();
        trained.Metadata.Terms.ShouldAllBe(t => t.Max >= t.Min);
        var before = trained.Score(probe);
        loaded.Score(probe).Select(s => s.Score).ShouldBe(before.Select(s => s.Score));
        before.ShouldAllBe(s => double.IsFinite(s.Score) && s.Terms.Count == trained.Metadata.Terms.Count);
        loaded.Family.ShouldBe(family);
    }
}

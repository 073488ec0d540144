using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;
using KukaPortal.Web.Torch;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>
/// One tiny conv-ae-2d per test class, trained once on the portal's torch thread and kept in a file that each test
/// copies into its blob storage (a reset empties the storage). With it: PNGs of clean and defective pictures the
/// model tells apart (checked on the pictures as the portal decodes them) and a threshold halfway between them, so
/// the verdicts in the tests depend on the model and not on a held-out quantile of a few images.
/// </summary>
public sealed class TinyImageModel : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"live-image-model-{Guid.NewGuid():N}.kpm");
    private bool _trained;

    public byte[][] CleanPngs { get; } = TestPictures.Many(6, seed: 101, TestPictures.Clean).Select(ImageEncoder.Png).ToArray();
    public byte[][] DefectPngs { get; } = TestPictures.Many(6, seed: 202, TestPictures.Defective).Select(ImageEncoder.Png).ToArray();

    /// <summary>Halfway between the highest clean score and the lowest defective one.</summary>
    public double Threshold { get; private set; }

    public async Task<string> ArtifactAsync(PortalFactory portal)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_trained) await TrainAsync(portal);
            _trained = true;
            return _path;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task TrainAsync(PortalFactory portal)
    {
        var (clean, defective) = await portal.Services.GetRequiredService<TorchExecutor>().RunAsync(TorchPriority.Training, () =>
        {
            var settings = new ImageDetectorSettings
            {
                Family = ImageModelFamily.ConvAe2d, Size = TestPictures.Size, Channels = 1, BaseWidth = 8, Latent = 16,
                Iterations = 150, BatchSize = 8, HeldOutFraction = 0.25, ProgressInterval = 50,
            };
            using var detector = ImageTrainer.Train(TestPictures.Many(48, seed: 1, TestPictures.Clean), settings, TorchSharp.torch.CPU);
            detector.Save(_path);
            var read = ImageReadOptions.ForDecoding(detector.Settings);
            double[] Scores(byte[][] pngs) => detector.Score(pngs.Select(p => ImageDecoder.Decode(p, read).Image).ToArray()).Select(s => s.Score).ToArray();
            return (Scores(CleanPngs), Scores(DefectPngs));
        });
        clean.Max().ShouldBeLessThan(defective.Min(), "the tiny model must tell the clean pictures from the defective ones");
        Threshold = (clean.Max() + defective.Min()) / 2;
    }

    public void Dispose()
    {
        File.Delete(_path);
        _gate.Dispose();
    }
}

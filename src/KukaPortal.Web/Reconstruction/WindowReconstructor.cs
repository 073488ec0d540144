using KukaPortal.Core.Windowing;
using KukaPortal.Data;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Scoring;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Reconstruction;

/// <summary>
/// Reconstructs one stored window for the reconstruction view and its API: finds the window, the model that
/// scored it and the raw rows it was cut from, then runs that model on them on the torch thread at Live
/// priority (never on a request thread), with the model's detector from <see cref="DetectorCache"/>. The score
/// that comes back is recomputed, not read, so it shows whether the stored window and this reconstruction agree.
/// </summary>
public sealed class WindowReconstructor(
    IDbContextFactory<PortalDbContext> dbFactory, WindowSamples samples, DetectorCache detectors, TorchStatus torchStatus, BlobStore blobs)
{
    /// <summary>Null when the asset has no such window.</summary>
    public async Task<WindowReconstructionView?> ReconstructAsync(int assetId, Guid runId, int windowIndex, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = await db.WindowScores.AsNoTracking()
            .SingleOrDefaultAsync(w => w.AssetId == assetId && w.RunId == runId && w.WindowIndex == windowIndex, ct);
        if (window is null) return null;
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.Id == window.ModelId, ct);

        if (!torchStatus.Info.Available)
            throw new ReconstructionUnavailableException($"Torch is not available on this node, so the model cannot run: {torchStatus.Info.Error}");
        var rows = await samples.ReadAsync(window, model.Window, ct);
        var path = blobs.PathOf(model.ArtifactKey);
        if (!File.Exists(path))
            throw new ReconstructionUnavailableException($"The file of model v{model.Version} is no longer stored, so the window cannot be reconstructed.");

        var device = torchStatus.Info.ToDevice();
        var reconstruction = await detectors.RunAsync(model.Id, path, device,
            detector => detector.ReconstructWindow(rows, new WindowSpan(windowIndex, 0, model.Window)));

        var channels = reconstruction.Channels
            .Select((name, c) => new ChannelReconstruction(name, reconstruction.Contributions[c], reconstruction.ChannelErrors[c],
                reconstruction.Input[c], reconstruction.Reconstruction[c]))
            .OrderByDescending(c => c.Contribution)
            .ToList();
        var seconds = Enumerable.Range(0, model.Window).Select(t => rows.TimeOf(t)).ToArray();
        return new WindowReconstructionView(assetId, runId, windowIndex, model.Id, model.Version, model.Window, "scaled units",
            window.StartSeconds, window.EndSeconds, seconds,
            reconstruction.Score, reconstruction.Threshold,
            reconstruction.Calibrated, reconstruction.Calibrated >= 1.0, channels);
    }
}

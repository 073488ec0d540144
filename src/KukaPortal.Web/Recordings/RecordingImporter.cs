using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Turns received files into recordings. Every file is read and validated first (the asset's channel
/// set, the missing-value policy); only when all pass are the cleaned recordings stored (.npz) and
/// their rows written, in one transaction. A rejected upload leaves nothing behind, not even its
/// originals; an accepted one keeps them, checksummed. An inspection station's upload is an image set, read by
/// <see cref="ImageSetImporter"/>; each kind of asset refuses the other's data with a sentence that says so.
/// </summary>
public sealed class RecordingImporter(IDbContextFactory<PortalDbContext> dbFactory, BlobStore blobs, UploadReceiver receiver, ImageSetImporter images, TimeProvider time)
{
    public async Task<ImportOutcome> ImportAsync(int assetId, IReadOnlyList<UploadedFile> files, ImportRequest request, string? user, CancellationToken ct)
    {
        var written = new List<string>();
        try
        {
            var outcome = await ImportOrRejectAsync(assetId, files, request, user, written, ct);
            if (!outcome.Succeeded) receiver.Discard(files);
            return outcome;
        }
        catch
        {
            receiver.Discard(files);
            foreach (var key in written) blobs.Delete(key);
            throw;
        }
    }

    /// <summary>
    /// Reads and validates the files exactly as an import would, but stores nothing and keeps the received files:
    /// the first step of the page's validate → confirm flow. Null when the files would be accepted, else the rejection.
    /// </summary>
    public async Task<(ImportOutcome? Rejection, IReadOnlyList<RecordingReport> Reports, IReadOnlyList<SkippedFile> Skipped)> ValidateAsync(
        int assetId, IReadOnlyList<UploadedFile> files, ImportRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, ct) is { Kind: AssetKind.InspectionStation } station)
        {
            var (set, refused) = await images.CheckAsync(station, files, request, ct);
            return (refused, refused?.Reports ?? set!.Reports, refused?.Skipped ?? set!.Skipped);
        }
        var (batch, rejection) = await CheckAsync(db, assetId, files, request, ct);
        return (rejection, rejection?.Reports ?? batch!.Reports, rejection?.Skipped ?? batch!.Skipped);
    }

    private async Task<(ValidatedBatch? Batch, ImportOutcome? Rejection)> CheckAsync(
        PortalDbContext db, int assetId, IReadOnlyList<UploadedFile> files, ImportRequest request, CancellationToken ct)
    {
        if (await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, ct) is not { } asset)
            return (null, Rejected($"Asset {assetId} does not exist."));
        if (files.Select(f => (f.Name, Image: UploadKind.FirstImageEntry(blobs, f))).FirstOrDefault(f => f.Image is not null) is { Image: { } image } imageSet)
            return (null, Rejected($"Asset '{asset.Name}' is a robot cell: it takes time-series recordings (CSV, TSV, NPY, Parquet, or a zip of them), " +
                $"not image sets; '{imageSet.Name}' holds images (e.g. '{image}'). Upload image sets to an inspection station.", imageSet.Name));

        var expected = await db.Recordings.AsNoTracking().Where(r => r.AssetId == assetId)
            .OrderBy(r => r.Id).Select(r => r.Channels).FirstOrDefaultAsync(ct);
        var sources = files.Select(f => new SourceFile(f.Name, () => blobs.OpenRead(f.Blob.Key), f.Blob.SizeBytes)).ToArray();
        var batch = await RecordingValidator.ValidateAsync(sources, request.ReadOptions, ReadLimits.Default,
            new ValidationOptions { ExpectedChannels = expected, MissingValues = request.MissingValues }, ct);
        if (!batch.Accepted)
            return (null, new ImportOutcome([], batch.Reports, batch.Skipped));
        if (expected is null && SameChannelsProblem(batch) is { } mismatch)
            return (null, Rejected(mismatch.Problem, mismatch.Source));
        return (batch, null);
    }

    private async Task<ImportOutcome> ImportOrRejectAsync(int assetId, IReadOnlyList<UploadedFile> files, ImportRequest request,
        string? user, List<string> written, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, ct) is { Kind: AssetKind.InspectionStation } station)
        {
            var (set, refused) = await images.CheckAsync(station, files, request, ct);
            return refused ?? new ImportOutcome(await images.StoreAsync(db, assetId, set!, user, ct), set!.Reports, set.Skipped);
        }
        var (batch, rejection) = await CheckAsync(db, assetId, files, request, ct);
        if (rejection is not null) return rejection;

        var recordings = new List<Recording>();
        foreach (var validated in batch!.Recordings)
        {
            var parsed = validated.Recording!;
            var series = validated.Cleaned!;
            var origin = files.First(f => parsed.SourceName == f.Name || parsed.SourceName.StartsWith(f.Name + "/", StringComparison.Ordinal));
            var data = await Task.Run(() => blobs.Write("recordings", ".npz", stream => NpzSeries.Write(stream, series)), ct);
            written.Add(data.Key);
            recordings.Add(new Recording
            {
                AssetId = assetId, FileName = parsed.SourceName, Format = parsed.Format.ToString().ToLowerInvariant(),
                Purpose = PurposeOf(parsed.Role, request.Purpose), Sha256 = origin.Blob.Sha256, SizeBytes = origin.Blob.SizeBytes,
                OriginalKey = origin.Blob.Key, DataKey = data.Key, Rows = series.Rows, Channels = series.Channels.ToArray(),
                AnomalousRows = series.Labels?.Count(l => l), Report = RecordingReportJson.Serialize(validated.Report),
                UploadedAt = time.GetUtcNow(), UploadedBy = user,
            });
        }
        db.Recordings.AddRange(recordings);
        await db.SaveChangesAsync(ct);
        return new ImportOutcome(recordings, batch.Reports, batch.Skipped);
    }

    /// <summary>A file that names its role (the KUKA layout's normal and slowed-down runs) overrides the panel it was dropped on.</summary>
    private static RecordingPurpose PurposeOf(RecordingRole role, RecordingPurpose requested) => role switch
    {
        RecordingRole.Normal => RecordingPurpose.Normal,
        RecordingRole.Abnormal => RecordingPurpose.Scoring,
        _ => requested,
    };

    /// <summary>An asset's first upload sets its channels; all recordings of that upload must agree with each other.</summary>
    private static (string Source, string Problem)? SameChannelsProblem(ValidatedBatch batch)
    {
        var first = batch.Recordings[0].Cleaned!.Channels.ToArray();
        return batch.Recordings.Skip(1)
            .Select(r => (r.Report.Source, Set: ChannelSetReport.Compare(r.Cleaned!.Channels, first)))
            .Where(r => !r.Set.Matches)
            .Select(r => ((string, string)?)(r.Source, r.Set.Describe("the first recording of this upload")))
            .FirstOrDefault();
    }

    private static ImportOutcome Rejected(string problem, string source = "upload") =>
        new([], [new RecordingReport { Source = source, Errors = [new ValidationIssue("rejected", problem)] }], []);
}

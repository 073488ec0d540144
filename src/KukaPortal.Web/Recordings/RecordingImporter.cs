using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Takes an upload: keeps the original bytes (checksummed), parses and validates them, and only then
/// records the recording in the database. A rejected file leaves nothing behind.
/// </summary>
public sealed class RecordingImporter(IDbContextFactory<PortalDbContext> dbFactory, BlobStore blobs, TimeProvider time)
{
    public async Task<ImportResult> ImportAsync(int assetId, string fileName, Stream content, RecordingPurpose purpose, string? user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct))
            return ImportResult.Rejected($"Asset {assetId} does not exist.");

        var blob = await blobs.SaveAsync(content, "recordings", ".csv", ct);
        try
        {
            var series = await ParseAsync(blob.Key, ct);
            var channelProblem = FindMissingValue(series) ?? await CheckChannelsAsync(db, assetId, series, ct);
            if (channelProblem is not null)
            {
                blobs.Delete(blob.Key);
                return ImportResult.Rejected(channelProblem);
            }

            var recording = new Recording
            {
                AssetId = assetId, FileName = Path.GetFileName(fileName), Purpose = purpose, Sha256 = blob.Sha256,
                SizeBytes = blob.SizeBytes, StorageKey = blob.Key, Rows = series.Rows, Channels = series.Channels.ToArray(),
                UploadedAt = time.GetUtcNow(), UploadedBy = user,
            };
            db.Recordings.Add(recording);
            await db.SaveChangesAsync(ct);
            return ImportResult.Accepted(recording);
        }
        catch (RecordingFormatException e)
        {
            blobs.Delete(blob.Key);
            return ImportResult.Rejected(e.Message);
        }
        catch
        {
            blobs.Delete(blob.Key);
            throw;
        }
    }

    private Task<TimeSeries> ParseAsync(string key, CancellationToken ct) => Task.Run(() =>
    {
        using var stream = blobs.OpenRead(key);
        return CsvRecordingReader.Read(stream);
    }, ct);

    /// <summary>
    /// Models cannot learn from or score a gap. Until configurable missing-value policies exist
    /// (interpolate / drop rows), a recording must be complete; the first gap is named.
    /// </summary>
    private static string? FindMissingValue(TimeSeries series)
    {
        var index = Array.FindIndex(series.Values, v => !float.IsFinite(v));
        if (index < 0) return null;
        var row = index / series.ChannelCount;
        return $"Data row {row + 1}, channel '{series.Channels[index % series.ChannelCount]}': the value is missing or not a finite number; recordings must be complete.";
    }

    /// <summary>All recordings of an asset share one channel set, or models trained on one could not score another.</summary>
    private static async Task<string?> CheckChannelsAsync(PortalDbContext db, int assetId, TimeSeries series, CancellationToken ct)
    {
        var first = await db.Recordings.AsNoTracking().Where(r => r.AssetId == assetId)
            .OrderBy(r => r.Id).Select(r => r.Channels).FirstOrDefaultAsync(ct);
        if (first is null) return null;

        var missing = first.Except(series.Channels).ToArray();
        var extra = series.Channels.Except(first).ToArray();
        if (missing.Length == 0 && extra.Length == 0) return null;
        var parts = new List<string>();
        if (missing.Length > 0) parts.Add($"missing channels: {string.Join(", ", missing)}");
        if (extra.Length > 0) parts.Add($"extra channels: {string.Join(", ", extra)}");
        return $"The channels differ from this asset's recordings ({string.Join("; ", parts)}).";
    }
}

public sealed record ImportResult(Recording? Recording, string? Error)
{
    public bool Succeeded => Recording is not null;
    public static ImportResult Accepted(Recording recording) => new(recording, null);
    public static ImportResult Rejected(string error) => new(null, error);
}

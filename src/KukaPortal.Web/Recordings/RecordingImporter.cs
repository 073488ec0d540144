using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Turns received files into recordings: every file is parsed and validated first; only when all of
/// them pass are the recordings written, in one transaction. A rejected upload leaves nothing behind,
/// not even its stored original.
/// </summary>
public sealed class RecordingImporter(IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, UploadReceiver receiver, TimeProvider time)
{
    public async Task<ImportOutcome> ImportAsync(int assetId, IReadOnlyList<UploadedFile> files, RecordingPurpose purpose, string? user, CancellationToken ct)
    {
        try
        {
            var outcome = await ImportOrRejectAsync(assetId, files, purpose, user, ct);
            if (!outcome.Succeeded) receiver.Discard(files);
            return outcome;
        }
        catch
        {
            receiver.Discard(files);
            throw;
        }
    }

    private async Task<ImportOutcome> ImportOrRejectAsync(int assetId, IReadOnlyList<UploadedFile> files, RecordingPurpose purpose, string? user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct))
            return ImportOutcome.Rejected([new FileProblem("", $"Asset {assetId} does not exist.")]);

        var parsed = new List<(UploadedFile File, TimeSeries Series)>();
        var problems = new List<FileProblem>();
        var expectedChannels = await db.Recordings.AsNoTracking().Where(r => r.AssetId == assetId)
            .OrderBy(r => r.Id).Select(r => r.Channels).FirstOrDefaultAsync(ct);
        foreach (var file in files)
        {
            try
            {
                var series = await Task.Run(() => loader.Parse(file.Blob.Key), ct);
                expectedChannels ??= series.Channels.ToArray();
                var problem = RecordingChecks.FindMissingValue(series) ?? RecordingChecks.CompareChannels(expectedChannels, series);
                if (problem is null) parsed.Add((file, series));
                else problems.Add(new FileProblem(file.Name, problem));
            }
            catch (RecordingFormatException e)
            {
                problems.Add(new FileProblem(file.Name, e.Message));
            }
        }
        if (problems.Count > 0)
            return ImportOutcome.Rejected(problems);

        var recordings = parsed.Select(p => new Recording
        {
            AssetId = assetId, FileName = p.File.Name, Purpose = purpose, Sha256 = p.File.Blob.Sha256,
            SizeBytes = p.File.Blob.SizeBytes, StorageKey = p.File.Blob.Key, Rows = p.Series.Rows,
            Channels = p.Series.Channels.ToArray(), UploadedAt = time.GetUtcNow(), UploadedBy = user,
        }).ToList();
        db.Recordings.AddRange(recordings);
        await db.SaveChangesAsync(ct);
        return ImportOutcome.Accepted(recordings);
    }
}

public sealed record FileProblem(string FileName, string Problem)
{
    public override string ToString() => FileName.Length == 0 ? Problem : $"{FileName}: {Problem}";
}

public sealed record ImportOutcome(IReadOnlyList<Recording> Recordings, IReadOnlyList<FileProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
    public static ImportOutcome Accepted(IReadOnlyList<Recording> recordings) => new(recordings, []);
    public static ImportOutcome Rejected(IReadOnlyList<FileProblem> problems) => new([], problems);
}

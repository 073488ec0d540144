using System.Collections.Concurrent;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;

namespace KukaPortal.Web.Recordings;

/// <summary>Received and validated files waiting for the uploader's Confirm or Discard.</summary>
public sealed record StagedUpload(
    Guid Id, int AssetId, string? User, IReadOnlyList<UploadedFile> Files, ImportRequest Request,
    IReadOnlyList<RecordingReport> Reports, IReadOnlyList<SkippedFile> Skipped, DateTimeOffset ExpiresAt);

/// <summary>
/// The validate → confirm flow of the Data page: an upload is received and validated, its report shown, and only
/// on Confirm imported (the importer validates again, so nothing changed in between can slip through). Staged
/// uploads live in this process's memory, like the Blazor circuit that shows them; one left alone is discarded
/// (files deleted) after <see cref="Lifetime"/>, checked whenever another is staged.
/// </summary>
public sealed class StagedUploads(UploadReceiver receiver, RecordingImporter importer, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<Guid, StagedUpload> staged = new();

    public StagedUpload Stage(int assetId, string? user, IReadOnlyList<UploadedFile> files, ImportRequest request,
        IReadOnlyList<RecordingReport> reports, IReadOnlyList<SkippedFile> skipped)
    {
        DiscardExpired();
        var upload = new StagedUpload(Guid.NewGuid(), assetId, user, files, request, reports, skipped, time.GetUtcNow() + Lifetime);
        staged[upload.Id] = upload;
        return upload;
    }

    /// <summary>The staged upload, if it exists and belongs to this asset and user (no one confirms another's upload).</summary>
    public StagedUpload? Find(Guid id, int assetId, string? user) =>
        staged.TryGetValue(id, out var upload) && upload.AssetId == assetId && upload.User == user && upload.ExpiresAt > time.GetUtcNow() ? upload : null;

    /// <summary>Imports the staged files; null when there is no such staged upload (expired, discarded, or another's).</summary>
    public async Task<ImportOutcome?> ConfirmAsync(Guid id, int assetId, string? user, CancellationToken ct)
    {
        if (Find(id, assetId, user) is null || !staged.TryRemove(id, out var upload)) return null;
        return await importer.ImportAsync(upload.AssetId, upload.Files, upload.Request, user, ct);
    }

    public bool Discard(Guid id, int assetId, string? user)
    {
        if (Find(id, assetId, user) is null || !staged.TryRemove(id, out var upload)) return false;
        receiver.Discard(upload.Files);
        return true;
    }

    private void DiscardExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, upload) in staged)
        {
            if (upload.ExpiresAt <= now && staged.TryRemove(id, out _)) receiver.Discard(upload.Files);
        }
    }
}

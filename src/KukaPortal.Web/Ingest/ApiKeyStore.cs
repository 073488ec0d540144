using System.Collections.Concurrent;
using KukaPortal.Data;
using KukaPortal.Data.Audit;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Ingest;

/// <summary>Whether a presented key may send samples of an asset, and why not.</summary>
public enum KeyVerdict { Valid, Missing, Unknown, OtherAsset, Revoked }

/// <summary>
/// Creates, lists, revokes and checks per-asset API keys; only their hashes are kept. Creating and revoking are audited.
/// A key found valid is believed for <see cref="ValidFor"/> without asking the database again (a machine posts many
/// chunks a second, each checked); revoking it on this node ends that at once, on another node within
/// <see cref="ValidFor"/>. Refusals are never remembered, so a new key works at once.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public static readonly TimeSpan ValidFor = TimeSpan.FromSeconds(10);

    /// <summary>Hashes of keys found valid: the asset they belong to and until when that is believed.</summary>
    private readonly ConcurrentDictionary<string, (int AssetId, DateTimeOffset Until)> _valid = new();

    /// <summary>
    /// Counts committed revocations. A check remembers a valid key only if none committed while it read the key, so a
    /// check that read the row just before a revocation cannot put the key back after the revocation cleared it.
    /// </summary>
    private long _revocations;
    private readonly Lock _remembering = new();

    /// <summary>The name a new key gets: the trimmed request, or a default when blank; null when it is too long.</summary>
    public static string? NameFor(string? requested) =>
        string.IsNullOrWhiteSpace(requested) ? "Ingest key" : requested.Trim() is { Length: <= MaxNameLength } name ? name : null;

    /// <summary>The new key's row and the plain key, which exists only in this answer.</summary>
    public async Task<(AssetApiKey Key, string Plain)?> CreateAsync(int assetId, string name, string? user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync<(AssetApiKey Key, string Plain)?>(async ct =>
        {
            if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct)) return null;
            var plain = ApiKeyHashing.NewKey();
            var key = new AssetApiKey
            {
                AssetId = assetId, Name = name, KeyHash = ApiKeyHashing.Hash(plain), Prefix = plain[..10],
                CreatedAt = time.GetUtcNow(), CreatedBy = user,
            };
            db.AssetApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
            // After the first save, so the entry can name the key's id; both saves share one transaction.
            audit.Add(db, user ?? "unknown", AuditAction.ApiKeyCreated, Target(key), $"prefix {key.Prefix}", assetId);
            await db.SaveChangesAsync(ct);
            return (key, plain);
        }, ct);
    }

    public async Task<IReadOnlyList<AssetApiKey>> ListAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AssetApiKeys.AsNoTracking().Where(k => k.AssetId == assetId).OrderBy(k => k.Id).ToListAsync(ct);
    }

    /// <summary>False when the asset has no such key. Revoking twice keeps the first revocation.</summary>
    public async Task<bool> RevokeAsync(int assetId, int keyId, string? user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.AssetApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.AssetId == assetId, ct);
        if (key is null) return false;
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            key.RevokedBy = user;
            audit.Add(db, user ?? "unknown", AuditAction.ApiKeyRevoked, Target(key), assetId: assetId);
            await db.SaveChangesAsync(ct);
        }
        lock (_remembering)
        {
            _revocations++;
            _valid.TryRemove(key.KeyHash, out _);
        }
        return true;
    }

    private static string Target(AssetApiKey key) => $"API key {key.Id} ({key.Name})";

    public async Task<KeyVerdict> CheckAsync(int assetId, string? plain, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(plain)) return KeyVerdict.Missing;
        var hash = ApiKeyHashing.Hash(plain.Trim());
        if (_valid.TryGetValue(hash, out var known) && known.AssetId == assetId && time.GetUtcNow() < known.Until)
            return KeyVerdict.Valid;
        var revocationsBefore = Interlocked.Read(ref _revocations);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.AssetApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash, ct);
        var verdict = key switch
        {
            null => KeyVerdict.Unknown,
            { AssetId: var owner } when owner != assetId => KeyVerdict.OtherAsset,
            { RevokedAt: not null } => KeyVerdict.Revoked,
            _ => KeyVerdict.Valid,
        };
        lock (_remembering)
        {
            if (verdict == KeyVerdict.Valid && _revocations == revocationsBefore) _valid[hash] = (assetId, time.GetUtcNow() + ValidFor);
            else _valid.TryRemove(hash, out _);
        }
        return verdict;
    }
}

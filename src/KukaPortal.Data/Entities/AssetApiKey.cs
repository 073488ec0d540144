namespace KukaPortal.Data.Entities;

/// <summary>
/// A key a machine sends samples of one asset with. Only its SHA-256 is stored: the plain key is shown
/// once when created and cannot be read back, so a leaked database does not leak working keys.
/// </summary>
public sealed class AssetApiKey
{
    public int Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the plain key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The key's first characters, so people can tell their keys apart.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}

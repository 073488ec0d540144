using KukaPortal.Data.Entities;

namespace KukaPortal.Data.Audit;

/// <summary>
/// Adds audit entries to the caller's context, so that the entry commits or rolls back with the change it
/// describes: an audit trail that can claim a change the database never made is worse than none.
/// </summary>
public sealed class AuditLog(TimeProvider time)
{
    public AuditEntry Add(PortalDbContext db, string user, AuditAction action, string target, string? detail = null, int? assetId = null)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            User = user,
            Action = action,
            Target = target,
            Detail = detail,
            AssetId = assetId,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}

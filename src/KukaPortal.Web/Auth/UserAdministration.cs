using KukaPortal.Data;
using KukaPortal.Data.Audit;
using KukaPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Auth;

/// <summary>A user as the administration page lists it.</summary>
public sealed record UserSummary(string Id, string Email, IReadOnlyList<string> Roles, bool Locked);

/// <summary>
/// Creates users, changes their roles and locks or unlocks them, each with its audit entry in the same
/// transaction (Identity's stores save through the scope's <see cref="PortalDbContext"/>, which joins the
/// transaction begun here). Every call gets a scope of its own, so a long-lived page never works on
/// stale tracked users. An administrator cannot remove their own Admin role or lock themselves out:
/// the portal must never be left without the person who can repair it.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return users.Select(u => new UserSummary(u.Id, u.Email ?? "", byUser[u.Id].Order().ToList(), u.LockoutEnd > now)).ToList();
    }

    public async Task<UserSummary> CreateAsync(string actor, string email, string password, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        email = email.Trim();
        if (!email.Contains('@') || email.Length < 3)
            throw new UserAdministrationException($"'{email}' is not an email address.");
        if (string.IsNullOrEmpty(password))
            throw new UserAdministrationException("Enter an initial password for the new user.");
        var chosen = CheckRoles(roles);

        return await InTransactionAsync(async (users, db) =>
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"create the user {email}");
            if (chosen.Count > 0) Check(await users.AddToRolesAsync(user, chosen), $"give {email} the roles {string.Join(", ", chosen)}");
            audit.Add(db, actor, AuditAction.UserCreated, Target(email), $"roles: {Words(chosen)}");
            return new UserSummary(user.Id, email, chosen, false);
        }, ct);
    }

    public Task SetRolesAsync(string actor, string userId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var wanted = CheckRoles(roles);
        return InTransactionAsync(async (users, db) =>
        {
            var user = await FindAsync(users, userId);
            var current = (await users.GetRolesAsync(user)).Order().ToList();
            if (IsSelf(users, user, actor) && current.Contains(PortalRoles.Admin) && !wanted.Contains(PortalRoles.Admin))
                throw new UserAdministrationException("You cannot remove your own Admin role; ask another administrator to do it.");
            if (current.SequenceEqual(wanted)) return 0;

            var removed = current.Except(wanted).ToList();
            var added = wanted.Except(current).ToList();
            if (removed.Count > 0) Check(await users.RemoveFromRolesAsync(user, removed), $"remove the roles {string.Join(", ", removed)}");
            if (added.Count > 0) Check(await users.AddToRolesAsync(user, added), $"add the roles {string.Join(", ", added)}");
            // A new security stamp signs the user out of other sessions once their cookie is next validated, so old rights do not linger.
            Check(await users.UpdateSecurityStampAsync(user), "renew the user's security stamp");
            audit.Add(db, actor, AuditAction.UserRolesChanged, Target(user.Email), $"{Words(current)} → {Words(wanted)}");
            return 0;
        }, ct);
    }

    public Task LockAsync(string actor, string userId, CancellationToken ct) => InTransactionAsync(async (users, db) =>
    {
        var user = await FindAsync(users, userId);
        if (IsSelf(users, user, actor))
            throw new UserAdministrationException("You cannot lock your own account.");
        if (user.LockoutEnd > time.GetUtcNow()) return 0;
        Check(await users.SetLockoutEnabledAsync(user, true), "enable lockout");
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), "lock the user");
        Check(await users.UpdateSecurityStampAsync(user), "renew the user's security stamp");
        audit.Add(db, actor, AuditAction.UserLocked, Target(user.Email));
        return 0;
    }, ct);

    public Task UnlockAsync(string actor, string userId, CancellationToken ct) => InTransactionAsync(async (users, db) =>
    {
        var user = await FindAsync(users, userId);
        if (!(user.LockoutEnd > time.GetUtcNow())) return 0;
        Check(await users.SetLockoutEndDateAsync(user, null), "unlock the user");
        Check(await users.ResetAccessFailedCountAsync(user), "reset the failed sign-in count");
        audit.Add(db, actor, AuditAction.UserUnlocked, Target(user.Email));
        return 0;
    }, ct);

    private async Task<T> InTransactionAsync<T>(Func<UserManager<PortalUser>, PortalDbContext, Task<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.InTransactionAsync(async ct =>
        {
            var result = await work(users, db);
            await db.SaveChangesAsync(ct);
            return result;
        }, ct);
    }

    private static async Task<PortalUser> FindAsync(UserManager<PortalUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new UserAdministrationException($"There is no user with id '{userId}'; reload the page.");

    private static bool IsSelf(UserManager<PortalUser> users, PortalUser user, string actor) =>
        string.Equals(user.NormalizedUserName, users.NormalizeName(actor), StringComparison.Ordinal);

    private static List<string> CheckRoles(IReadOnlyCollection<string> roles)
    {
        var unknown = roles.Where(r => !PortalRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new UserAdministrationException($"Unknown role(s) {string.Join(", ", unknown.Select(r => $"'{r}'"))}; the roles are {string.Join(", ", PortalRoles.All)}.");
        return roles.Distinct().Order().ToList();
    }

    private static string Target(string? email) => $"user {email}";

    private static string Words(IReadOnlyCollection<string> roles) => roles.Count == 0 ? "no roles" : string.Join(", ", roles);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new UserAdministrationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

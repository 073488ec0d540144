using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Auth;

public class UserAdministrationTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Admin = PortalFactory.AdminEmail;
    private const string Password = "Operator-Password-1";
    private static readonly CancellationToken None = CancellationToken.None;

    private UserAdministration Users => Portal.Services.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task A_created_user_is_listed_with_its_roles_can_sign_in_and_is_audited()
    {
        var created = await Users.CreateAsync(Admin, " anna@plant.example ", Password, [PortalRoles.Operator, PortalRoles.Manager], None);

        created.Email.ShouldBe("anna@plant.example");
        var listed = (await Users.ListAsync(None)).Single(u => u.Email == "anna@plant.example");
        listed.Roles.ShouldBe([PortalRoles.Manager, PortalRoles.Operator]);
        listed.Locked.ShouldBeFalse();
        using var session = await PortalSession.SignInAsync(Portal, "anna@plant.example", Password);
        (await AuditAsync()).ShouldBe([(AuditAction.UserCreated, "user anna@plant.example", "roles: Manager, Operator", Admin)]);
    }

    [Fact]
    public async Task A_refused_creation_leaves_no_user_and_no_audit_entry()
    {
        (await Should.ThrowAsync<UserAdministrationException>(() => Users.CreateAsync(Admin, "bob@plant.example", Password, ["Janitor"], None)))
            .Message.ShouldBe("Unknown role(s) 'Janitor'; the roles are Admin, Engineer, Operator, Manager.");
        (await Should.ThrowAsync<UserAdministrationException>(() => Users.CreateAsync(Admin, "bob@plant.example", "short", [PortalRoles.Operator], None)))
            .Message.ShouldStartWith("Could not create the user bob@plant.example: Passwords must be at least 10 characters.");
        (await Should.ThrowAsync<UserAdministrationException>(() => Users.CreateAsync(Admin, "not-an-email", Password, [], None)))
            .Message.ShouldBe("'not-an-email' is not an email address.");
        await Users.CreateAsync(Admin, "bob@plant.example", Password, [PortalRoles.Operator], None);
        (await Should.ThrowAsync<UserAdministrationException>(() => Users.CreateAsync(Admin, "bob@plant.example", Password, [PortalRoles.Operator], None)))
            .Message.ShouldContain("is already taken");

        (await Users.ListAsync(None)).Select(u => u.Email).ShouldBe([Admin, "bob@plant.example"]);
        (await AuditAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Changing_roles_replaces_them_and_audits_before_and_after()
    {
        var user = await Users.CreateAsync(Admin, "carl@plant.example", Password, [PortalRoles.Operator], None);

        await Users.SetRolesAsync(Admin, user.Id, [PortalRoles.Engineer, PortalRoles.Operator], None);
        await Users.SetRolesAsync(Admin, user.Id, [PortalRoles.Engineer, PortalRoles.Operator], None); // a repeat changes and audits nothing
        await Users.SetRolesAsync(Admin, user.Id, [PortalRoles.Engineer], None);

        (await Users.ListAsync(None)).Single(u => u.Id == user.Id).Roles.ShouldBe([PortalRoles.Engineer]);
        (await AuditAsync()).Skip(1).ShouldBe([
            (AuditAction.UserRolesChanged, "user carl@plant.example", "Operator → Engineer, Operator", Admin),
            (AuditAction.UserRolesChanged, "user carl@plant.example", "Engineer, Operator → Engineer", Admin),
        ]);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked_and_both_are_audited()
    {
        var user = await Users.CreateAsync(Admin, "dora@plant.example", Password, [PortalRoles.Operator], None);

        await Users.LockAsync(Admin, user.Id, None);

        (await Users.ListAsync(None)).Single(u => u.Id == user.Id).Locked.ShouldBeTrue();
        await Should.ThrowAsync<InvalidOperationException>(() => PortalSession.SignInAsync(Portal, "dora@plant.example", Password));

        await Users.UnlockAsync(Admin, user.Id, None);

        (await Users.ListAsync(None)).Single(u => u.Id == user.Id).Locked.ShouldBeFalse();
        using var session = await PortalSession.SignInAsync(Portal, "dora@plant.example", Password);
        (await AuditAsync()).Skip(1).Select(a => a.Item1).ShouldBe([AuditAction.UserLocked, AuditAction.UserUnlocked]);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role_or_lock_themselves()
    {
        var self = (await Users.ListAsync(None)).Single(u => u.Email == Admin);

        (await Should.ThrowAsync<UserAdministrationException>(() => Users.SetRolesAsync(Admin, self.Id, [PortalRoles.Engineer], None)))
            .Message.ShouldBe("You cannot remove your own Admin role; ask another administrator to do it.");
        (await Should.ThrowAsync<UserAdministrationException>(() => Users.LockAsync(Admin.ToUpperInvariant(), self.Id, None)))
            .Message.ShouldBe("You cannot lock your own account.");

        var after = (await Users.ListAsync(None)).Single(u => u.Email == Admin);
        after.Roles.ShouldBe(self.Roles);
        after.Roles.ShouldContain(PortalRoles.Admin);
        after.Locked.ShouldBeFalse();
        (await AuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_admin_may_remove_an_admins_role()
    {
        var other = await Users.CreateAsync(Admin, "erik@plant.example", Password, [PortalRoles.Admin], None);

        await Users.SetRolesAsync(Admin, other.Id, [PortalRoles.Operator], None);

        (await Users.ListAsync(None)).Single(u => u.Id == other.Id).Roles.ShouldBe([PortalRoles.Operator]);
    }

    [Fact]
    public async Task The_first_run_administrator_comes_from_configuration_with_every_role()
    {
        var admin = (await Users.ListAsync(None)).ShouldHaveSingleItem();

        admin.Email.ShouldBe(PortalFactory.AdminEmail);
        admin.Roles.ShouldBe(PortalRoles.All.Order());
    }

    private Task<List<(AuditAction, string, string?, string)>> AuditAsync() => Portal.WithDbAsync(async db =>
        (await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Action, e.Target, e.Detail, e.User)).ToList());
}

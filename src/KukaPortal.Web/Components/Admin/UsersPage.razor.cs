using KukaPortal.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace KukaPortal.Web.Components.Admin;

public sealed partial class UsersPage
{
    private IReadOnlyList<UserSummary>? _users;
    private string _email = "";
    private string _password = "";
    private readonly HashSet<string> _newRoles = [PortalRoles.Operator];
    private string? _error;
    private string? _done;
    private bool _busy;

    [Inject] private UserAdministration Users { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _users = await Users.ListAsync(CancellationToken.None);

    private Task ToggleRoleAsync(UserSummary user, string role, bool on)
    {
        var roles = on ? user.Roles.Append(role).ToList() : user.Roles.Where(r => r != role).ToList();
        return RunAsync(actor => Users.SetRolesAsync(actor, user.Id, roles, CancellationToken.None),
            $"{user.Email} {(on ? "now has" : "no longer has")} the {role} role.");
    }

    private Task LockAsync(UserSummary user) =>
        RunAsync(actor => Users.LockAsync(actor, user.Id, CancellationToken.None), $"{user.Email} is locked and cannot sign in.");

    private Task UnlockAsync(UserSummary user) =>
        RunAsync(actor => Users.UnlockAsync(actor, user.Id, CancellationToken.None), $"{user.Email} is unlocked.");

    private async Task CreateAsync()
    {
        var email = _email.Trim();
        await RunAsync(actor => Users.CreateAsync(actor, email, _password, _newRoles.ToList(), CancellationToken.None), $"{email} was added.");
        if (_error is null)
        {
            _email = "";
            _password = "";
        }
    }

    /// <summary>Runs one change as the signed-in administrator, then re-reads the list; a refusal is shown, not thrown.</summary>
    private async Task RunAsync(Func<string, Task> change, string success)
    {
        _busy = true;
        _error = _done = null;
        try
        {
            var actor = (await Authentication).User.Identity?.Name ?? throw new UserAdministrationException("You are not signed in.");
            await change(actor);
            _done = success;
        }
        catch (UserAdministrationException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
        _users = await Users.ListAsync(CancellationToken.None);
    }
}

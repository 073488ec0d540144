using KukaPortal.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace KukaPortal.Web.Components.Alarms;

/// <summary>
/// The server-side check behind every alarm button: the buttons are hidden from other roles, but a
/// circuit can still call the handler, so each operation asks the Operate policy again.
/// </summary>
public static class AlarmOperator
{
    /// <summary>The signed-in user's name when they may operate alarms, otherwise null.</summary>
    public static async Task<string?> NameIfAllowedAsync(IAuthorizationService authorization, Task<AuthenticationState> state)
    {
        var user = (await state).User;
        return (await authorization.AuthorizeAsync(user, PortalPolicies.Operate)).Succeeded ? user.Identity?.Name ?? "unknown" : null;
    }
}

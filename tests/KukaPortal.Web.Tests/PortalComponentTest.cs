using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KukaPortal.Web.Tests;

/// <summary>
/// The one shared set-up for component tests: MudBlazor services with transitions off, and JS interop
/// loose so components that draw charts render without a browser (their calls are recorded, and
/// tests assert on them). Components that need the database belong in the integration tests.
/// </summary>
public abstract class PortalComponentTest : BunitContext
{
    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton(TimeProvider.System);
        // The outage banner's state: reachable until a test reports otherwise.
        Services.AddSingleton<KukaPortal.Web.Health.DatabaseStatus>();
        // MudBlazor's popovers and dialogs need their providers in the render tree.
        Render<MudPopoverProvider>();
    }

    /// <summary>Signs the test in with the given roles, so AuthorizeView and policies see them.</summary>
    protected BunitAuthorizationContext SignIn(string name, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(roles);
        return auth;
    }
}

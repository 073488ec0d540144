using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;
using KukaPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KukaPortal.Web.Hosting;

public static class AuthenticationExtensions
{
    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        builder.Services.AddScoped<FirstRunSeeder>();
        builder.Services.AddSingleton<UserAdministration>();

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/denied";
            // Machines and scripts calling the API get status codes, not a login page.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PortalPolicies.Operate, p => p.RequireRole(PortalRoles.Operator, PortalRoles.Engineer, PortalRoles.Admin))
            .AddPolicy(PortalPolicies.Engineer, p => p.RequireRole(PortalRoles.Engineer, PortalRoles.Admin))
            .AddPolicy(PortalPolicies.Review, p => p.RequireRole(PortalRoles.Manager, PortalRoles.Engineer, PortalRoles.Admin))
            .AddPolicy(PortalPolicies.Audit, p => p.RequireRole(PortalRoles.Manager, PortalRoles.Admin))
            .AddPolicy(PortalPolicies.Administer, p => p.RequireRole(PortalRoles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        builder.AddSignInRateLimit();
        return builder;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

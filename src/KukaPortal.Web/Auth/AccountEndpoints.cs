using KukaPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace KukaPortal.Web.Auth;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post (antiforgery-checked), so no other site can sign a user out.
        app.MapPost("/account/logout", async (SignInManager<PortalUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });
        return app;
    }
}

using System.Security.Cryptography;
using KukaPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Auth;

/// <summary>Creates the roles and, on an empty user table, the first administrator.</summary>
public sealed class FirstRunSeeder(
    RoleManager<IdentityRole> roles, UserManager<PortalUser> users, IOptions<AdminOptions> admin, ILogger<FirstRunSeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }
        if (users.Users.Any())
            return;

        var options = admin.Value;
        var password = string.IsNullOrEmpty(options.Password) ? GeneratePassword() : options.Password;
        var user = new PortalUser { UserName = options.Email, Email = options.Email, EmailConfirmed = true, DisplayName = "Administrator" };
        Check(await users.CreateAsync(user, password), $"create the administrator {options.Email}");
        Check(await users.AddToRolesAsync(user, PortalRoles.All), "give the administrator every role");

        if (string.IsNullOrEmpty(options.Password))
            logger.LogWarning("First run: created administrator {Email} with generated password {Password}. Change it after signing in.", options.Email, password);
        else
            logger.LogInformation("First run: created administrator {Email} with the configured password.", options.Email);
    }

    private static string GeneratePassword() =>
        "Kp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y') + "9!";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}

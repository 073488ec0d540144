namespace KukaPortal.Web.Auth;

/// <summary>The administrator created on first run when no user exists yet.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string Email { get; set; } = "admin@kukaportal.local";

    /// <summary>Empty means: generate a random password and write it to the log once.</summary>
    public string Password { get; set; } = "";
}

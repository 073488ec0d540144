using Microsoft.AspNetCore.Identity;

namespace KukaPortal.Data.Entities;

public sealed class PortalUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

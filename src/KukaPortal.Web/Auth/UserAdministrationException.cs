namespace KukaPortal.Web.Auth;

/// <summary>A user change that was refused, with a sentence the administrator can act on; nothing was changed.</summary>
public sealed class UserAdministrationException(string message) : Exception(message);

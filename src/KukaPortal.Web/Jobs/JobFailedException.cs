namespace KukaPortal.Web.Jobs;

/// <summary>A job that cannot succeed as asked (no model yet, torch missing…); its message is shown to the user as is.</summary>
public sealed class JobFailedException(string message) : Exception(message);

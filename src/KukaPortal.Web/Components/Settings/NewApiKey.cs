namespace KukaPortal.Web.Components.Settings;

/// <summary>A key just created: the only moment its plain text exists outside the machine that will use it.</summary>
public sealed record NewApiKey(int Id, string Name, string Plain);

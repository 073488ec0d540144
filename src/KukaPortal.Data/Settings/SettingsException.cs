namespace KukaPortal.Data.Settings;

public enum SettingsProblem { AssetNotFound, Invalid, NoActiveModel }

/// <summary>An asset setting that cannot be changed as asked; the message says why in words a person understands.</summary>
public sealed class SettingsException(SettingsProblem problem, string message) : Exception(message)
{
    public SettingsProblem Problem { get; } = problem;
}

namespace KukaPortal.TestSupport;

/// <summary>
/// The test portal with a few settings changed: a fixture names itself and its settings in one line, e.g.
/// <c>public sealed class PortalWithHourTick() : PortalWithSettings(("Streaming:Tick", "01:00:00"));</c>
/// </summary>
public abstract class PortalWithSettings(params (string Key, string? Value)[] changes) : PortalFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in changes)
                settings[key] = value;
            return settings;
        }
    }
}

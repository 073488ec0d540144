namespace KukaPortal.TestSupport;

/// <summary>
/// One portal process of a deployment whose database and blob storage other processes share: start one,
/// dispose it (a restart), start another, or run several at once (scale-out). Disposing a node leaves the
/// database; the test that made it drops it with <see cref="TestPostgres.DropDatabaseAsync"/>.
/// </summary>
public sealed class PortalNode(string database, string storage, IDictionary<string, string?>? overrides = null)
    : PortalFactory(database, storage, ownsDatabase: false)
{
    public static (string Database, string Storage) NewDeployment() =>
        ($"kukaportal_test_{Guid.NewGuid():N}", Path.Combine(Path.GetTempPath(), $"kukaportal-test-blobs-{Guid.NewGuid():N}"));

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
                settings[key] = value;
            return settings;
        }
    }

    /// <summary>Starts the host (migrations, seeding) without Respawn: nodes share live data.</summary>
    public override ValueTask InitializeAsync()
    {
        _ = Services;
        return ValueTask.CompletedTask;
    }
}

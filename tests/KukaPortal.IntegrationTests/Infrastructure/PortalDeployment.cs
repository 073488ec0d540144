using KukaPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A deployment of its own for one test: a database and blob storage that portal processes (nodes) share.
/// Start nodes, stop them (a restart), run several at once (scale-out); disposing stops every node and
/// drops the database.
/// </summary>
public sealed class PortalDeployment : IAsyncDisposable
{
    private readonly List<PortalNode> _nodes = [];

    public PortalDeployment() => (Database, Storage) = PortalNode.NewDeployment();

    public string Database { get; }
    public string Storage { get; }

    public async Task<PortalNode> StartNodeAsync(Dictionary<string, string?>? settings = null)
    {
        var node = new PortalNode(Database, Storage, settings);
        _nodes.Add(node);
        await node.InitializeAsync();
        return node;
    }

    public async Task StopAsync(PortalNode node)
    {
        _nodes.Remove(node);
        await node.DisposeAsync();
    }

    /// <summary>Queries the shared database, also while no node runs.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(TestPostgres.DatabaseConnectionString(Database)).UseSnakeCaseNamingConvention().Options;
        await using var db = new PortalDbContext(options);
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(Database);
        if (Directory.Exists(Storage)) Directory.Delete(Storage, recursive: true);
    }
}

using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Streaming;
using Npgsql;

namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>Two nodes (two lock sessions) competing for one asset's streams.</summary>
public class StreamLockTests(PortalFactory portal) : PortalTest(portal)
{
    private const int AssetId = 900_001;

    [Fact]
    public async Task Only_one_node_wins_an_asset_and_the_other_takes_it_once_the_winner_releases()
    {
        var ct = TestContext.Current.CancellationToken;
        var nodeA = new StreamLocks(Portal.ConnectionString);
        var nodeB = new StreamLocks(Portal.ConnectionString);

        await using var won = await nodeA.TryAcquireAsync(AssetId, ct);
        var lost = await nodeB.TryAcquireAsync(AssetId, ct);

        won.ShouldNotBeNull();
        lost.ShouldBeNull();
        (await won.IsHeldAsync(ct)).ShouldBeTrue();

        await won.DisposeAsync();
        await using var takenOver = await nodeB.TryAcquireAsync(AssetId, ct);
        takenOver.ShouldNotBeNull();
        (await nodeA.TryAcquireAsync(AssetId, ct)).ShouldBeNull();
    }

    [Fact]
    public async Task When_the_owning_node_dies_its_lock_frees_and_another_node_takes_the_asset()
    {
        var ct = TestContext.Current.CancellationToken;
        var nodeA = new StreamLocks(Portal.ConnectionString);
        var nodeB = new StreamLocks(Portal.ConnectionString);
        await using var owner = await nodeA.TryAcquireAsync(AssetId, ct);
        owner.ShouldNotBeNull();
        (await nodeB.TryAcquireAsync(AssetId, ct)).ShouldBeNull();

        // The node's connection drops, as when its process or machine dies.
        await using (var admin = new NpgsqlConnection(Portal.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = @asset AND granted", admin);
            kill.Parameters.AddWithValue("asset", (long)AssetId);
            (await kill.ExecuteScalarAsync(ct)).ShouldBe(true);
        }

        (await owner.IsHeldAsync(ct)).ShouldBeFalse();
        await using var takenOver = await nodeB.TryAcquireAsync(AssetId, ct);
        takenOver.ShouldNotBeNull();
    }
}

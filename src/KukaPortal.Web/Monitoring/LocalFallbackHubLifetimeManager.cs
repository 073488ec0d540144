using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// The Redis backplane, with this node's own connections as the fallback while Redis cannot be reached. Redis's
/// manager delivers even a node's own group sends through Redis, so without it nobody would hear anything; here a send
/// that Redis refuses goes to this node's connections instead (other nodes' dashboards miss it and catch up from the
/// database by sequence once a push reaches them again). Every connection and group membership is kept by both
/// managers; Redis's half of a join that fails is logged, not thrown, because StackExchange.Redis keeps the
/// subscription and restores it when Redis comes back.
/// </summary>
public sealed class LocalFallbackHubLifetimeManager<THub>(
    RedisHubLifetimeManager<THub> redis, DefaultHubLifetimeManager<THub> local, ILogger<LocalFallbackHubLifetimeManager<THub>> logger)
    : HubLifetimeManager<THub> where THub : Hub
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await local.OnConnectedAsync(connection);
        await TryOnRedisAsync(() => redis.OnConnectedAsync(connection), "register a connection");
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await local.OnDisconnectedAsync(connection);
        await TryOnRedisAsync(() => redis.OnDisconnectedAsync(connection), "unregister a connection");
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        await TryOnRedisAsync(() => redis.AddToGroupAsync(connectionId, groupName, cancellationToken), "join a group");
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        await TryOnRedisAsync(() => redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), "leave a group");
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    // Client results need the backplane to route the answer; without Redis they fail as they would on Redis alone.
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [NotNullWhen(true)] out Type? type) => redis.TryGetReturnType(invocationId, out type);

    private async Task SendAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        try
        {
            await send(redis);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            logger.LogWarning("Redis cannot be reached ({Reason}); the message goes to this node's connections only.", e.Message);
            await send(local);
        }
    }

    private async Task TryOnRedisAsync(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            logger.LogWarning("Redis cannot be reached to {What} ({Reason}); it is restored when Redis returns.", what, e.Message);
        }
    }

    private static bool IsUnreachable(Exception e) => e is RedisConnectionException or RedisTimeoutException;
}

using System.Data.Common;
using Npgsql;

namespace KukaPortal.Data;

/// <summary>
/// The portal's one connection pool, for EF and the raw COPY writer alike, with two defaults that cut PostgreSQL's
/// work per statement (a setting the operator put in the connection string wins):
/// <list type="bullet">
/// <item><c>Max Auto Prepare=64</c>: a statement sent five times on a connection is prepared there, so PostgreSQL stops
/// parsing and planning the same few dozen statements that every ingested chunk and stored batch sends.</item>
/// <item><c>No Reset On Close=true</c>: a connection going back to the pool is not reset (with prepared statements
/// that reset is five statements on its next use). Nothing in the portal leaves session state on a pooled connection:
/// settings are <c>SET LOCAL</c>, advisory locks transaction-scoped, and the stream locks' session locks live on
/// unpooled connections of their own (<c>StreamLocks</c>); an open transaction is still rolled back.</item>
/// </list>
/// Measured with <c>./kukaportal bench push</c> (docs/performance.md, "Push latency").
/// </summary>
public static class PortalDataSource
{
    public const int MaxAutoPrepare = 64;

    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var chosen = OperatorChosenKeys(connectionString);
        if (!chosen.Contains("maxautoprepare")) builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
        if (!chosen.Contains("noresetonclose")) builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <summary>The keys as written, lower case without spaces ("Max Auto Prepare" and "MaxAutoPrepare" alike).</summary>
    private static HashSet<string> OperatorChosenKeys(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
}

using Npgsql;

namespace KukaPortal.Data;

/// <summary>
/// Statements with positional parameters ($1, $2, …) for the paths that skip EF because they run for every ingested
/// chunk or stored batch (<c>ScoreBatchWriter</c>, <c>StreamProgress</c>, <c>SampleIngest</c>): gathered in an
/// <see cref="NpgsqlBatch"/>, several go to PostgreSQL in one round trip.
/// </summary>
public static class PlainSql
{
    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}

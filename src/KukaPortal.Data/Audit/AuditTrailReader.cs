using KukaPortal.Data.Entities;
using Npgsql;

namespace KukaPortal.Data.Audit;

/// <summary>
/// The audit trail a manager reads: every consequential action by a person, from audit_entries (models, settings,
/// keys, users) and from alarm_events (acknowledge, shelve, classify … — the events a person caused, not the
/// system's raises and clears), merged in one query, filtered, counted and paged in the database.
/// </summary>
public sealed class AuditTrailReader(NpgsqlDataSource dataSource)
{
    // Both sources in one shape; the filters apply to the union, so paging is exact across the two.
    private const string Trail = """
        SELECT e.at, e."user" AS user_name, e.action AS action, e.asset_id, a.name AS asset_name, e.target, e.detail, false AS alarm_handling
        FROM audit_entries e LEFT JOIN assets a ON a.id = e.asset_id
        UNION ALL
        SELECT ev.at, ev."user", 'Alarm' || ev.kind, al.asset_id, a.name, 'alarm ' || al.id, ev.comment, true
        FROM alarm_events ev JOIN alarms al ON al.id = ev.alarm_id JOIN assets a ON a.id = al.asset_id
        WHERE ev."user" IS NOT NULL
        """;

    private const string Filter = """
        WHERE (@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)
          AND (@asset::int IS NULL OR asset_id = @asset)
          AND (@user::text IS NULL OR user_name ILIKE '%' || @user || '%')
          AND (@alarms::bool IS NULL OR (@alarms AND alarm_handling) OR (NOT @alarms AND action = ANY(@actions)))
        """;

    public async Task<AuditTrailPage> ReadAsync(AuditTrailQuery query, CancellationToken ct)
    {
        Check(query);
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM ({Trail}) t {Filter}", connection);
        AddFilters(count, query);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));

        await using var page = new NpgsqlCommand(
            $"SELECT at, user_name, action, asset_id, asset_name, target, detail, alarm_handling FROM ({Trail}) t {Filter} ORDER BY at DESC, action, target LIMIT @take OFFSET @skip", connection);
        AddFilters(page, query);
        page.Parameters.AddWithValue("take", query.PageSize);
        page.Parameters.AddWithValue("skip", query.Page * query.PageSize);
        var rows = new List<AuditTrailRow>();
        await using var reader = await page.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var action = reader.GetString(2);
            var category = reader.GetBoolean(7) ? AuditCategory.Alarms : AuditCategories.Of(Enum.Parse<AuditAction>(action));
            rows.Add(new AuditTrailRow(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), category, action,
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return new AuditTrailPage(rows, total);
    }

    private static void AddFilters(NpgsqlCommand command, AuditTrailQuery q)
    {
        command.Parameters.AddWithValue("from", (object?)q.From ?? DBNull.Value);
        command.Parameters.AddWithValue("to", (object?)q.To ?? DBNull.Value);
        command.Parameters.AddWithValue("asset", (object?)q.AssetId ?? DBNull.Value);
        command.Parameters.AddWithValue("user", string.IsNullOrWhiteSpace(q.User) ? DBNull.Value : EscapeLike(q.User.Trim()));
        command.Parameters.AddWithValue("alarms", q.Category is { } c ? c == AuditCategory.Alarms : DBNull.Value);
        command.Parameters.AddWithValue("actions", (q.Category is { } category ? AuditCategories.ActionsOf(category) : []).Select(a => a.ToString()).ToArray());
    }

    /// <summary>A user name is matched literally: % and _ in it are not wildcards.</summary>
    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static void Check(AuditTrailQuery query)
    {
        if (query.Page < 0) throw new ArgumentException("The page number cannot be negative.");
        if (query.PageSize is < 1 or > AuditTrailQuery.MaxPageSize)
            throw new ArgumentException($"A page holds 1 to {AuditTrailQuery.MaxPageSize} entries.");
        if (query.From is { } from && query.To is { } to && from >= to)
            throw new ArgumentException("\"From\" must be before \"to\".");
    }
}

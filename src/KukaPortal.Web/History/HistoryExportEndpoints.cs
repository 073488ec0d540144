using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Scores.History;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.History;

/// <summary>
/// CSV exports of the history page (managers, engineers, admins), filtered by the page's query string
/// (<see cref="HistoryRange"/>, plus <c>asset</c>). Rows are streamed from the database into the response,
/// never gathered in memory, so a year exports in constant memory.
/// </summary>
public static class HistoryExportEndpoints
{
    public static IEndpointRouteBuilder MapHistoryExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/history/alarms.csv", async (int? asset, string? range, string? from, string? to,
                AlarmHistoryReader alarms, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, CancellationToken ct) =>
            {
                var (period, error) = HistoryRange.Parse(range, from, to, time.GetUtcNow());
                if (period is null) return Problem(error!);
                if (asset is { } id && !await AssetExistsAsync(dbFactory, id, ct)) return NoAsset(id);
                var filter = new AlarmHistoryFilter(asset, period.From, period.To);
                return Results.Stream(async body =>
                {
                    await using var csv = new CsvWriter(body);
                    await csv.WriteRowAsync("id", "asset_id", "asset", "raised_at", "cleared_at", "priority", "state", "classification",
                        "acknowledged_at", "acknowledged_by", "seconds_to_acknowledge", "peak_calibrated");
                    await foreach (var a in alarms.StreamAsync(filter, ct))
                    {
                        await csv.WriteRowAsync(a.Id, a.AssetId, a.AssetName, a.RaisedAt, a.ClearedAt, a.Priority, a.State, a.Classification,
                            a.AcknowledgedAt, a.AcknowledgedBy, a.TimeToAcknowledge?.TotalSeconds, a.PeakCalibrated);
                    }
                }, "text/csv; charset=utf-8", FileName("alarms", asset, period));
            })
            .RequireAuthorization(PortalPolicies.Review);

        app.MapGet("/api/history/scores.csv", async (int? asset, string? range, string? from, string? to,
                ScoreHistoryReader scores, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, CancellationToken ct) =>
            {
                if (asset is not { } id) return Problem("asset is required: scores are exported for one asset (?asset=3).");
                var (period, error) = HistoryRange.Parse(range, from, to, time.GetUtcNow());
                if (period is null) return Problem(error!);
                if (!await AssetExistsAsync(dbFactory, id, ct)) return NoAsset(id);
                var plan = scores.ExportPlan(period.From, period.To);
                return Results.Stream(async body =>
                {
                    await using var csv = new CsvWriter(body);
                    await csv.WriteRowAsync("at", "level", "bucket_seconds", "windows", "windows_above_threshold",
                        "mean_calibrated", "min_calibrated", "max_calibrated");
                    await foreach (var p in scores.StreamAsync(id, period.From, period.To, plan, ct))
                        await csv.WriteRowAsync(p.At, plan.Level.Name(), plan.BucketSeconds, p.Windows, p.AboveThreshold, p.Mean, p.Min, p.Max);
                }, "text/csv; charset=utf-8", FileName("scores", asset, period));
            })
            .RequireAuthorization(PortalPolicies.Review);
        return app;
    }

    private static string FileName(string what, int? asset, HistoryRange range) =>
        $"{what}-{(asset is { } id ? $"asset{id}" : "all")}-{range.From.UtcDateTime:yyyyMMddTHHmm}-{range.To.UtcDateTime:yyyyMMddTHHmm}.csv";

    private static async Task<bool> AssetExistsAsync(IDbContextFactory<PortalDbContext> dbFactory, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Assets.AnyAsync(a => a.Id == id, ct);
    }

    private static IResult Problem(string detail) => Results.Problem(detail, statusCode: 400, title: "The export's filter is not valid");

    private static IResult NoAsset(int id) => Results.Problem($"Asset {id} does not exist.", statusCode: 404, title: "No such asset");
}

using KukaPortal.Core.Alarms.Load;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Monitoring;

/// <summary>GET /api/alarms/kpis?from=&amp;to=: alarm-load KPIs (ISA-18.2 performance metrics) for managers, engineers and admins.</summary>
public static class AlarmKpiEndpoints
{
    /// <summary>The report with durations in seconds, so scripts need no TimeSpan parsing.</summary>
    public sealed record AlarmKpiView(
        DateTimeOffset From, DateTimeOffset To, int TotalAlarms, double AlarmsPer10Minutes,
        IReadOnlyList<AssetAlarmCount> PerAsset, IReadOnlyList<FloodPeriod> Floods, IReadOnlyList<ChatteringAsset> Chattering,
        IReadOnlyList<long> StaleAlarmIds, int Acknowledged, double? MeanSecondsToAcknowledge, double? MaxSecondsToAcknowledge,
        IReadOnlyList<AssetAlarmCount> TopOffenders, int Classified, int FalseAlarms, double? FalseAlarmRatio);

    public static IEndpointRouteBuilder MapAlarmKpiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alarms/kpis", async (string? from, string? to, AlarmKpiReader reader, TimeProvider time, CancellationToken ct) =>
            {
                var end = to is null ? time.GetUtcNow() : ParseOrNull(to);
                if (end is null) return AlarmProblems.BadRequest($"to is not a date and time: \"{to}\" (use ISO 8601, e.g. 2026-11-23T10:00:00Z).");
                var start = from is null ? end.Value.AddDays(-1) : ParseOrNull(from);
                if (start is null) return AlarmProblems.BadRequest($"from is not a date and time: \"{from}\" (use ISO 8601, e.g. 2026-11-23T10:00:00Z).");
                if (start >= end) return AlarmProblems.BadRequest("from must be before to.");

                var r = await reader.ReadAsync(start.Value, end.Value, ct);
                return Results.Ok(new AlarmKpiView(r.From, r.To, r.TotalAlarms, r.AlarmsPer10Minutes, r.PerAsset, r.Floods, r.Chattering,
                    r.StaleAlarmIds, r.Acknowledged, r.MeanTimeToAcknowledge?.TotalSeconds, r.MaxTimeToAcknowledge?.TotalSeconds,
                    r.TopOffenders, r.Classified, r.FalseAlarms, r.FalseAlarmRatio));
            })
            .RequireAuthorization(PortalPolicies.Review);
        return app;
    }

    private static DateTimeOffset? ParseOrNull(string text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value)
            ? value : null;
}

using System.Security.Claims;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Monitoring;

public static class AlarmEndpoints
{
    public sealed record AcknowledgeRequest(string? Comment);

    public static IEndpointRouteBuilder MapAlarmEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alarms/{alarmId:long}/acknowledge", async (
                long alarmId, AcknowledgeRequest request, ClaimsPrincipal user, AlarmStore alarms, MonitoringNotifier notifier, CancellationToken ct) =>
            {
                var result = await alarms.AcknowledgeAsync(alarmId, user.Identity?.Name ?? "unknown", request.Comment, ct);
                if (result.Alarm is null) return Results.NotFound();
                if (result.Changed) await notifier.AlarmChangedAsync(result.Alarm);
                return Results.Ok(new { result.Alarm.Id, State = result.Alarm.State.ToString(), result.Changed, result.Alarm.AcknowledgedBy });
            })
            .RequireAuthorization(PortalPolicies.Operate);
        return app;
    }
}

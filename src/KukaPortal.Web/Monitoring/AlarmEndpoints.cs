using System.Security.Claims;
using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Monitoring;

/// <summary>What operators do to one alarm: acknowledge, shelve, unshelve, classify; and its event history.</summary>
public static class AlarmEndpoints
{
    public sealed record AcknowledgeRequest(string? Comment);

    public sealed record ShelveRequest(int? Minutes, string? Reason);

    public sealed record UnshelveRequest(string? Comment);

    public sealed record ClassifyRequest(string? Classification, string? Comment);

    public static IEndpointRouteBuilder MapAlarmEndpoints(this IEndpointRouteBuilder app)
    {
        var alarms = app.MapGroup("/api/alarms/{alarmId:long}");

        alarms.MapPost("/acknowledge", (long alarmId, AcknowledgeRequest request, ClaimsPrincipal user, AlarmStore store, MonitoringNotifier notifier, CancellationToken ct) =>
                Run(() => store.AcknowledgeAsync(alarmId, UserName(user), request.Comment, ct), notifier))
            .RequireAuthorization(PortalPolicies.Operate);

        alarms.MapPost("/shelve", (long alarmId, ShelveRequest request, ClaimsPrincipal user, AlarmStore store, MonitoringNotifier notifier,
                IOptions<AlarmOptions> options, CancellationToken ct) =>
            {
                if (request.Minutes is null)
                    return Task.FromResult(AlarmProblems.BadRequest("Shelving needs an expiry: give minutes (for example 60)."));
                if (ShelveRules.Validate(request.Minutes.Value, request.Reason, options.Value.MaxShelveDuration) is { } problem)
                    return Task.FromResult(AlarmProblems.BadRequest(problem));
                return Run(() => store.ShelveAsync(alarmId, request.Minutes.Value, request.Reason, UserName(user), ct), notifier);
            })
            .RequireAuthorization(PortalPolicies.Operate);

        alarms.MapPost("/unshelve", (long alarmId, UnshelveRequest? request, ClaimsPrincipal user, AlarmStore store, MonitoringNotifier notifier, CancellationToken ct) =>
                Run(() => store.UnshelveAsync(alarmId, UserName(user), request?.Comment, ct), notifier))
            .RequireAuthorization(PortalPolicies.Operate);

        alarms.MapPost("/classify", (long alarmId, ClassifyRequest request, ClaimsPrincipal user, AlarmStore store, MonitoringNotifier notifier, CancellationToken ct) =>
            {
                if (!Enum.TryParse<AlarmClassification>(request.Classification, ignoreCase: true, out var classification)
                    || !Enum.IsDefined(classification) || int.TryParse(request.Classification, out _))
                    return Task.FromResult(AlarmProblems.BadRequest(
                        $"classification must be one of {string.Join(", ", Enum.GetNames<AlarmClassification>())}."));
                return Run(() => store.ClassifyAsync(alarmId, classification, request.Comment, UserName(user), ct), notifier);
            })
            .RequireAuthorization(PortalPolicies.Operate);

        // Anyone signed in may read an alarm's history (the fallback policy).
        alarms.MapGet("/events", async (long alarmId, IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Alarms.AnyAsync(a => a.Id == alarmId, ct)) return Results.NotFound();
            var events = await db.AlarmEvents.AsNoTracking().Where(e => e.AlarmId == alarmId).OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new AlarmEventView(e.Id, e.Kind.ToString(), e.FromState.ToString(), e.ToState.ToString(), e.At, e.User, e.Comment))
                .ToListAsync(ct);
            return Results.Ok(events);
        });

        app.MapAssetAlarmModeEndpoints();
        app.MapAlarmKpiEndpoints();
        return app;
    }

    internal static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static Task<IResult> Run(Func<Task<AlarmCommandResult>> operation, MonitoringNotifier notifier) =>
        AlarmProblems.RunAsync(async () =>
        {
            var result = await operation();
            if (result.Alarm is null) return Results.NotFound();
            if (result.Changed) await notifier.AlarmChangedAsync(result.Alarm);
            return Results.Ok(AlarmView.From(result.Alarm, result.Changed));
        });
}

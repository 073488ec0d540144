using System.Security.Claims;
using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Monitoring;

/// <summary>What operators do to alarms (through <see cref="AlarmCommands"/>): acknowledge one or many, shelve, unshelve, classify; and an alarm's event history.</summary>
public static class AlarmEndpoints
{
    public sealed record AcknowledgeRequest(string? Comment);

    public sealed record ShelveRequest(int? Minutes, string? Reason);

    public sealed record UnshelveRequest(string? Comment);

    public sealed record ClassifyRequest(string? Classification, string? Comment);

    public sealed record BulkAcknowledgeRequest(IReadOnlyList<long>? AlarmIds, string? Comment);

    public sealed record BulkAcknowledgeView(IReadOnlyList<long> Acknowledged, IReadOnlyList<SkippedAlarm> Skipped);

    /// <summary>Most alarms one bulk acknowledgement may name (a page of the alarm list at most).</summary>
    public const int MaxBulkAlarms = AlarmListQuery.MaxPageSize;

    public static IEndpointRouteBuilder MapAlarmEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alarms/acknowledge", (BulkAcknowledgeRequest request, ClaimsPrincipal user, AlarmCommands commands, CancellationToken ct) =>
            {
                if (request.AlarmIds is not { Count: > 0 } ids)
                    return Task.FromResult(AlarmProblems.BadRequest("Name the alarms to acknowledge: alarmIds must hold at least one id."));
                if (ids.Count > MaxBulkAlarms)
                    return Task.FromResult(AlarmProblems.BadRequest($"At most {MaxBulkAlarms} alarms can be acknowledged at once."));
                return AlarmProblems.RunAsync(async () =>
                {
                    var result = await commands.AcknowledgeManyAsync(ids, UserName(user), request.Comment, ct);
                    return Results.Ok(new BulkAcknowledgeView(result.Acknowledged.Select(a => a.Id).ToList(), result.Skipped));
                });
            })
            .RequireAuthorization(PortalPolicies.Operate);

        var alarms = app.MapGroup("/api/alarms/{alarmId:long}");

        alarms.MapPost("/acknowledge", (long alarmId, AcknowledgeRequest request, ClaimsPrincipal user, AlarmCommands commands, CancellationToken ct) =>
                Run(() => commands.AcknowledgeAsync(alarmId, UserName(user), request.Comment, ct)))
            .RequireAuthorization(PortalPolicies.Operate);

        alarms.MapPost("/shelve", (long alarmId, ShelveRequest request, ClaimsPrincipal user, AlarmCommands commands,
                IOptions<AlarmOptions> options, CancellationToken ct) =>
            {
                if (request.Minutes is null)
                    return Task.FromResult(AlarmProblems.BadRequest("Shelving needs an expiry: give minutes (for example 60)."));
                if (ShelveRules.Validate(request.Minutes.Value, request.Reason, options.Value.MaxShelveDuration) is { } problem)
                    return Task.FromResult(AlarmProblems.BadRequest(problem));
                return Run(() => commands.ShelveAsync(alarmId, request.Minutes.Value, request.Reason, UserName(user), ct));
            })
            .RequireAuthorization(PortalPolicies.Operate);

        alarms.MapPost("/unshelve", (long alarmId, UnshelveRequest? request, ClaimsPrincipal user, AlarmCommands commands, CancellationToken ct) =>
                Run(() => commands.UnshelveAsync(alarmId, UserName(user), request?.Comment, ct)))
            .RequireAuthorization(PortalPolicies.Operate);

        alarms.MapPost("/classify", (long alarmId, ClassifyRequest request, ClaimsPrincipal user, AlarmCommands commands, CancellationToken ct) =>
            {
                if (!Enum.TryParse<AlarmClassification>(request.Classification, ignoreCase: true, out var classification)
                    || !Enum.IsDefined(classification) || int.TryParse(request.Classification, out _))
                    return Task.FromResult(AlarmProblems.BadRequest(
                        $"classification must be one of {string.Join(", ", Enum.GetNames<AlarmClassification>())}."));
                return Run(() => commands.ClassifyAsync(alarmId, classification, request.Comment, UserName(user), ct));
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

    private static Task<IResult> Run(Func<Task<AlarmCommandResult>> operation) =>
        AlarmProblems.RunAsync(async () =>
        {
            var result = await operation();
            if (result.Alarm is null) return Results.NotFound();
            return Results.Ok(AlarmView.From(result.Alarm, result.Changed));
        });
}

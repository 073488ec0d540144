using System.Security.Claims;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// Engineers take an asset's alarms out of service (maintenance) or suppress them by design, and back.
/// Alarms raised meanwhile are recorded in that state and not annunciated.
/// </summary>
public static class AssetAlarmModeEndpoints
{
    public sealed record ReasonRequest(string? Reason);

    public sealed record CommentRequest(string? Comment);

    public sealed record AssetModeView(int AssetId, string Mode, string? Reason, bool Changed, IReadOnlyList<AlarmView> Alarms);

    public static IEndpointRouteBuilder MapAssetAlarmModeEndpoints(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup("/api/assets/{assetId:int}").RequireAuthorization(PortalPolicies.Engineer);

        assets.MapPost("/out-of-service", (int assetId, ReasonRequest request, ClaimsPrincipal user, AssetModeCommands commands, CancellationToken ct) =>
            Run(commands, assetId, AssetModeOperation.RemoveFromService, request.Reason, user, ct));
        assets.MapPost("/return-to-service", (int assetId, CommentRequest? request, ClaimsPrincipal user, AssetModeCommands commands, CancellationToken ct) =>
            Run(commands, assetId, AssetModeOperation.ReturnToService, request?.Comment, user, ct));
        assets.MapPost("/suppress-alarms", (int assetId, ReasonRequest request, ClaimsPrincipal user, AssetModeCommands commands, CancellationToken ct) =>
            Run(commands, assetId, AssetModeOperation.Suppress, request.Reason, user, ct));
        assets.MapPost("/unsuppress-alarms", (int assetId, CommentRequest? request, ClaimsPrincipal user, AssetModeCommands commands, CancellationToken ct) =>
            Run(commands, assetId, AssetModeOperation.Unsuppress, request?.Comment, user, ct));
        return app;
    }

    private static Task<IResult> Run(AssetModeCommands commands, int assetId, AssetModeOperation operation, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        if (AssetModeCommands.Problem(operation, text) is { } problem)
            return Task.FromResult(AlarmProblems.BadRequest(problem));
        return AlarmProblems.RunAsync(async () =>
        {
            var result = await commands.RunAsync(assetId, operation, text, AlarmEndpoints.UserName(user), ct);
            if (result.Asset is null) return Results.NotFound();
            return Results.Ok(new AssetModeView(result.Asset.Id, result.Asset.AlarmMode.ToString(), result.Asset.AlarmModeReason, result.Changed,
                result.ChangedAlarms.Select(a => AlarmView.From(a, changed: true)).ToList()));
        });
    }
}

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

        assets.MapPost("/out-of-service", (int assetId, ReasonRequest request, ClaimsPrincipal user, AssetAlarmModeStore store, MonitoringNotifier notifier, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(request.Reason)
                ? Task.FromResult(AlarmProblems.BadRequest("A reason is required to take an asset out of service (for example \"gripper replacement\")."))
                : Run(() => store.RemoveFromServiceAsync(assetId, request.Reason, AlarmEndpoints.UserName(user), ct), notifier));

        assets.MapPost("/return-to-service", (int assetId, CommentRequest? request, ClaimsPrincipal user, AssetAlarmModeStore store, MonitoringNotifier notifier, CancellationToken ct) =>
            Run(() => store.ReturnToServiceAsync(assetId, request?.Comment, AlarmEndpoints.UserName(user), ct), notifier));

        assets.MapPost("/suppress-alarms", (int assetId, ReasonRequest request, ClaimsPrincipal user, AssetAlarmModeStore store, MonitoringNotifier notifier, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(request.Reason)
                ? Task.FromResult(AlarmProblems.BadRequest("A reason is required to suppress an asset's alarms (for example \"robot in teach mode\")."))
                : Run(() => store.SuppressAsync(assetId, request.Reason, AlarmEndpoints.UserName(user), ct), notifier));

        assets.MapPost("/unsuppress-alarms", (int assetId, CommentRequest? request, ClaimsPrincipal user, AssetAlarmModeStore store, MonitoringNotifier notifier, CancellationToken ct) =>
            Run(() => store.UnsuppressAsync(assetId, request?.Comment, AlarmEndpoints.UserName(user), ct), notifier));
        return app;
    }

    private static Task<IResult> Run(Func<Task<AssetModeResult>> operation, MonitoringNotifier notifier) =>
        AlarmProblems.RunAsync(async () =>
        {
            var result = await operation();
            if (result.Asset is null) return Results.NotFound();
            foreach (var alarm in result.ChangedAlarms)
                await notifier.AlarmChangedAsync(alarm);
            return Results.Ok(new AssetModeView(result.Asset.Id, result.Asset.AlarmMode.ToString(), result.Asset.AlarmModeReason, result.Changed,
                result.ChangedAlarms.Select(a => AlarmView.From(a, changed: true)).ToList()));
        });
}

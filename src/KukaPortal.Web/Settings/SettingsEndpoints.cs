using System.Security.Claims;
using KukaPortal.Data.Settings;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Settings;

/// <summary>
/// An asset's alarm rule and threshold override for scripts (Engineer policy), through the same commands as
/// the settings page. Refusals come back as ProblemDetails with a sentence saying why.
/// </summary>
public static class SettingsEndpoints
{
    public sealed record AlarmRuleRequest(int? K, int? N);

    public sealed record ThresholdRequest(double? Threshold);

    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var asset = app.MapGroup("/api/assets/{assetId:int}").RequireAuthorization(PortalPolicies.Engineer);
        asset.MapPut("/alarm-rule", (int assetId, AlarmRuleRequest request, ClaimsPrincipal user, AlarmRuleCommand command, CancellationToken ct) =>
            request is { K: { } k, N: { } n }
                ? RunAsync(() => command.ChangeAsync(assetId, k, n, UserName(user), ct))
                : Task.FromResult(Invalid("Send both K and N, for example {\"k\": 2, \"n\": 3}: an alarm is raised when K of the last N windows are above the threshold.")));
        asset.MapPut("/threshold-override", (int assetId, ThresholdRequest request, ClaimsPrincipal user, ThresholdOverrideCommand command, CancellationToken ct) =>
            request.Threshold is { } threshold
                ? RunAsync(() => command.SetAsync(assetId, threshold, UserName(user), ct))
                : Task.FromResult(Invalid("Send the threshold, for example {\"threshold\": 0.42}; DELETE clears the override.")));
        asset.MapDelete("/threshold-override", (int assetId, ClaimsPrincipal user, ThresholdOverrideCommand command, CancellationToken ct) =>
            RunAsync(() => command.ClearAsync(assetId, UserName(user), ct)));
        return app;
    }

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static IResult Invalid(string detail) => Results.Problem(title: "The setting is not valid.", detail: detail, statusCode: 400);

    private static async Task<IResult> RunAsync<T>(Func<Task<T>> change)
    {
        try
        {
            return Results.Ok(await change());
        }
        catch (SettingsException e)
        {
            var (status, title) = e.Problem switch
            {
                SettingsProblem.AssetNotFound => (404, "No such asset."),
                SettingsProblem.NoActiveModel => (409, "The asset has no active model."),
                _ => (400, "The setting is not valid."),
            };
            return Results.Problem(title: title, detail: e.Message, statusCode: status);
        }
    }
}

using KukaPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Ingest;

/// <summary>
/// Marks an endpoint that machines call with an asset's API key instead of a signed-in user, so the endpoint
/// table (and its test) can tell "anonymous by design, key checked" from "anonymous by mistake".
/// </summary>
public sealed class AssetApiKeyMetadata;

/// <summary>
/// The one API-key check of machine endpoints (samples, images), before the handler runs: 404 when the route's
/// <c>assetId</c> names no asset (a machine misconfigured with a wrong id learns that, not "bad key"), else the key in
/// <see cref="AssetApiKeyFilter.Header"/> must be a live key of that asset: 401 when missing or unknown, 403 when it is
/// another asset's or revoked.
/// </summary>
public static class AssetApiKeyFilter
{
    public const string Header = "X-Api-Key";

    /// <summary>Opens the endpoint to callers without a sign-in (the fallback policy would send them to a login page) and checks the asset's key instead.</summary>
    public static RouteHandlerBuilder RequireAssetApiKey(this RouteHandlerBuilder endpoint) => endpoint
        .AllowAnonymous()
        .DisableAntiforgery()
        .WithMetadata(new AssetApiKeyMetadata())
        .AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!int.TryParse(http.GetRouteValue("assetId")?.ToString(), out var assetId))
                return Results.Problem("The route names no asset.", statusCode: 404, title: "Unknown asset");
            var keys = http.RequestServices.GetRequiredService<ApiKeyStore>();
            var verdict = await keys.CheckAsync(assetId, http.Request.Headers[Header].FirstOrDefault(), http.RequestAborted);
            if (verdict == KeyVerdict.Valid) return await next(context);
            // A valid key proves the asset exists; only a refusal (the rare path) looks the asset up, so that a machine
            // configured with a wrong asset id learns that, not "bad key". Ingest posts pay one query, not two.
            var dbFactory = http.RequestServices.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync(http.RequestAborted))
                if (!await db.Assets.AnyAsync(a => a.Id == assetId, http.RequestAborted))
                    return Results.Problem($"Asset {assetId} does not exist. Nothing was stored.", statusCode: 404, title: "Unknown asset");
            return Refused(verdict);
        });

    private static IResult Refused(KeyVerdict verdict) => verdict switch
    {
        KeyVerdict.Missing => Results.Problem($"Send the asset's API key in the {Header} header.", statusCode: 401, title: "API key missing"),
        KeyVerdict.Unknown => Results.Problem("The API key is not known to the portal.", statusCode: 401, title: "Unknown API key"),
        KeyVerdict.OtherAsset => Results.Problem("The API key belongs to another asset.", statusCode: 403, title: "Wrong asset"),
        _ => Results.Problem("The API key was revoked; ask an engineer for a new one.", statusCode: 403, title: "API key revoked"),
    };
}

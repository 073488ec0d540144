using System.Security.Claims;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Ingest;

public static class ApiKeyEndpoints
{
    public sealed record CreateKeyRequest(string? Name);

    /// <summary>POST (shows the key once), GET (names and prefixes only) and DELETE (revoke) /api/assets/{id}/api-keys.</summary>
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assets/{assetId:int}/api-keys").RequireAuthorization(PortalPolicies.Engineer);
        group.MapPost("", async (int assetId, CreateKeyRequest request, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken ct) =>
        {
            if (ApiKeyStore.NameFor(request.Name) is not { } name)
                return Results.Problem($"A key's name has at most {ApiKeyStore.MaxNameLength} characters.", statusCode: 400, title: "Name too long");
            if (await keys.CreateAsync(assetId, name, user.Identity?.Name, ct) is not var (key, plain))
                return Results.Problem($"Asset {assetId} does not exist.", statusCode: 404, title: "No such asset");
            return Results.Created($"/api/assets/{assetId}/api-keys/{key.Id}", new
            {
                key.Id, key.Name, Key = plain, key.Prefix, key.CreatedAt,
                Note = "Store this key now: the portal keeps only its hash and cannot show it again.",
            });
        });
        group.MapGet("", async (int assetId, ApiKeyStore keys, CancellationToken ct) =>
            (await keys.ListAsync(assetId, ct)).Select(k => new { k.Id, k.Name, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy }));
        group.MapDelete("/{keyId:int}", async (int assetId, int keyId, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken ct) =>
            await keys.RevokeAsync(assetId, keyId, user.Identity?.Name, ct)
                ? Results.NoContent()
                : Results.Problem($"Asset {assetId} has no key {keyId}.", statusCode: 404, title: "No such key"));
        return app;
    }
}

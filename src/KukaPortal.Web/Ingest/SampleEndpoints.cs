using KukaPortal.Web.Streaming;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Ingest;

public static class SampleEndpoints
{
    /// <summary>
    /// POST /api/assets/{id}/samples — a machine's samples as JSON or CSV, authenticated with the asset's
    /// API key in X-Api-Key (<see cref="AssetApiKeyFilter"/>). 202 with the rows accepted once the chunk is stored durably; 400 for a body
    /// that cannot be read, 422 for samples that fail a check, 401/403 for the key; nothing is stored on any error.
    /// </summary>
    public static IEndpointRouteBuilder MapSampleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assets/{assetId:int}/samples", async (
                int assetId, HttpRequest request, SampleIngest ingest, IOptions<StreamingOptions> options, CancellationToken ct) =>
            {
                var maxBytes = options.Value.MaxChunkBytes;
                if (await SampleChunkReader.ReadBodyAsync(request, maxBytes, ct) is not { } body)
                    return Results.Problem($"The body is larger than {maxBytes} bytes; send smaller chunks.", statusCode: 413, title: "Chunk too large");
                try
                {
                    var incoming = SampleChunkReader.Read(body, request.ContentType);
                    var rows = await ingest.AppendAsync(assetId, incoming, ct);
                    return Results.Accepted(value: new { RowsAccepted = rows });
                }
                catch (SampleFormatException e)
                {
                    return Results.Problem(e.Message, statusCode: 400, title: "The samples could not be read; nothing was stored");
                }
                catch (StreamRequestException e)
                {
                    return Results.Problem(e.Message, statusCode: e.StatusCode, title: "The samples were rejected; nothing was stored");
                }
            })
            .RequireAssetApiKey();
        return app;
    }
}

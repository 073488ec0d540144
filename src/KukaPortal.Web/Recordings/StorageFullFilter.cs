using KukaPortal.Data.Storage;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Turns a full disk during an upload into 507 Insufficient Storage with a sentence that says nothing was stored
/// (the blob store has deleted its half-written file, the importers their rows and files), instead of a bare 500.
/// </summary>
public sealed class StorageFullFilter(ILogger<StorageFullFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StorageFullException e)
        {
            logger.LogError(e.InnerException, "The blob store's disk is full: {Method} {Path} was refused and nothing was stored",
                context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return Results.Problem(e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "The server's disk is full");
        }
    }
}

namespace KukaPortal.Web.Ingest;

/// <summary>Reads a request body into memory up to a limit, so a machine cannot make a node buffer more than the limit allows.</summary>
public static class BoundedBody
{
    /// <summary>The body's bytes, or null when it is larger than <paramref name="maxBytes"/> (declared or as it arrives).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

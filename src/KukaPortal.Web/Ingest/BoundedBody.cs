using System.Buffers;

namespace KukaPortal.Web.Ingest;

/// <summary>Reads a request body into memory up to a limit, so a machine cannot make a node buffer more than the limit allows.</summary>
public static class BoundedBody
{
    private const int ChunkBytes = 81920;

    /// <summary>The body's bytes, or null when it is larger than <paramref name="maxBytes"/> (declared or as it arrives).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        // Rented: machines post many small chunks a second, and a fresh 80 KB buffer per request was zeroed every time.
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            using var buffer = new MemoryStream(request.ContentLength is { } declared and <= int.MaxValue ? (int)declared : 0);
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}

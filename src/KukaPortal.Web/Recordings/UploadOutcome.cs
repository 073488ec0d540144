using System.Text.Json;

namespace KukaPortal.Web.Recordings;

/// <summary>What the browser's upload request came back with, in words for the person who sent it.</summary>
public sealed record UploadOutcome(string? Summary, string? Error)
{
    public static UploadOutcome Parse(int status, string body)
    {
        switch (status)
        {
            case 0:
                return new(null, "The connection to the portal was lost during the upload; nothing was stored. Try again.");
            case 401:
                return new(null, "Your session has ended: sign in again, then upload once more.");
            case 403:
                return new(null, "Your role may not upload recordings.");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (status is >= 200 and < 300 && root.TryGetProperty("recordings", out var recordings))
            {
                var lines = recordings.EnumerateArray().Select(r =>
                    $"{r.GetProperty("name").GetString()}: {r.GetProperty("rows").GetInt32():N0} rows × {r.GetProperty("channels").GetInt32()} channels stored");
                return new(string.Join("; ", lines), null);
            }
            if (root.TryGetProperty("detail", out var detail))
                return new(null, detail.GetString());
        }
        catch (JsonException)
        {
            // Not our JSON (e.g. a proxy's error page): fall through to the status code.
        }
        return new(null, $"The upload failed (HTTP {status}); nothing was stored.");
    }
}

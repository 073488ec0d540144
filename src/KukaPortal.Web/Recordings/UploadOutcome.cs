using System.Text.Json;

namespace KukaPortal.Web.Recordings;

/// <summary>What the browser's upload request came back with, in words for the person who sent it.</summary>
public sealed record UploadOutcome(string? Summary, string? Error, IReadOnlyList<string> Warnings)
{
    private const int MaxWarnings = 5;

    public UploadOutcome(string? summary, string? error) : this(summary, error, []) { }

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
                return new(string.Join("; ", lines), null, WarningsOf(root));
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

    /// <summary>The id of a staged upload (the answer to <c>stage=validate</c>), or null for any other answer.</summary>
    public static Guid? StagedUploadId(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("uploadId", out var id) && id.TryGetGuid(out var guid) ? guid : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first few warnings of the validation reports (repaired gaps, constant channels …), then how many more.</summary>
    private static IReadOnlyList<string> WarningsOf(JsonElement root)
    {
        if (!root.TryGetProperty("reports", out var reports)) return [];
        var all = reports.EnumerateArray()
            .SelectMany(r => r.TryGetProperty("warnings", out var w) ? w.EnumerateArray().Select(i => $"{r.GetProperty("source").GetString()}: {i.GetProperty("message").GetString()}") : [])
            .ToList();
        return all.Count <= MaxWarnings ? all : [.. all.Take(MaxWarnings), $"… and {all.Count - MaxWarnings} more warnings."];
    }
}

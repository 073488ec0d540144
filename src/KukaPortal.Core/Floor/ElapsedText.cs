namespace KukaPortal.Core.Floor;

/// <summary>"3 min ago": a time as someone across the room reads it, coarser the older it is.</summary>
public static class ElapsedText
{
    public static string Since(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.FromSeconds(10)) return "just now";
        if (elapsed < TimeSpan.FromMinutes(1)) return $"{(int)elapsed.TotalSeconds} s ago";
        if (elapsed < TimeSpan.FromHours(1)) return $"{(int)elapsed.TotalMinutes} min ago";
        if (elapsed < TimeSpan.FromDays(1)) return $"{(int)elapsed.TotalHours} h {elapsed.Minutes} min ago";
        return $"{(int)elapsed.TotalDays} d ago";
    }
}

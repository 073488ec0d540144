namespace KukaPortal.Core.Alarms;

/// <summary>
/// The K-of-N alarm rules an engineer may set for an asset. N is capped so that an alarm can never need
/// more than a short stretch of windows to come on or go off (with W = 100 at 100 Hz, 50 windows are 50 s).
/// </summary>
public static class AlarmRuleLimits
{
    public const int MaxWindows = 50;

    /// <summary>Why K of N is not allowed, as a sentence for the person who typed it; null when it is.</summary>
    public static string? Problem(int k, int n)
    {
        if (n < 1 || n > MaxWindows)
            return $"N (the number of recent windows looked at) must be between 1 and {MaxWindows}; it was {n}.";
        if (k < 1)
            return $"K (windows above the threshold that raise an alarm) must be at least 1; it was {k}.";
        if (k > n)
            return $"K ({k}) cannot be larger than N ({n}): an alarm cannot need more windows above the threshold than it looks at.";
        return null;
    }
}

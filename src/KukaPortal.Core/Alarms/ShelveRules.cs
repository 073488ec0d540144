namespace KukaPortal.Core.Alarms;

/// <summary>Shelving is always timed and always explained (ISA-18.2): these checks give the sentence a person sees.</summary>
public static class ShelveRules
{
    /// <summary>Null when the request is valid, otherwise what is wrong with it.</summary>
    public static string? Validate(int minutes, string? reason, TimeSpan maxDuration)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return "A reason is required to shelve an alarm (for example \"sensor cable being replaced\").";
        if (minutes < 1)
            return "Shelving needs an expiry: minutes must be at least 1.";
        if (TimeSpan.FromMinutes(minutes) > maxDuration)
            return $"An alarm can be shelved for at most {maxDuration.TotalMinutes:0} minutes.";
        return null;
    }
}

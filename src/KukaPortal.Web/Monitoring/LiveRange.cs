namespace KukaPortal.Web.Monitoring;

/// <summary>How far back the live score chart looks: the choices its range selector offers and the hub accepts.</summary>
public static class LiveRange
{
    public static readonly IReadOnlyList<int> Minutes = [5, 15, 60];

    public const int DefaultMinutes = 5;

    /// <summary>Null when <paramref name="minutes"/> is one of the choices, else a sentence saying which are.</summary>
    public static string? Validate(int minutes) =>
        Minutes.Contains(minutes) ? null : $"The live range must be one of {string.Join(", ", Minutes)} minutes, not {minutes}.";
}

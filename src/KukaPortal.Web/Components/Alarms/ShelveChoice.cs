using KukaPortal.Core.Alarms;

namespace KukaPortal.Web.Components.Alarms;

/// <summary>
/// What the shelve dialog asks for: a preset duration or a custom number of minutes, and a reason. The
/// limits are the server's own (<see cref="ShelveRules"/>), so the dialog never lets through what the
/// store would refuse.
/// </summary>
public sealed class ShelveChoice
{
    /// <summary>The presets operators pick from; <see cref="Custom"/> lets them type minutes.</summary>
    public static readonly IReadOnlyList<(int Minutes, string Label)> Presets = [(15, "15 minutes"), (60, "1 hour"), (480, "8 hours")];

    public const int Custom = 0;

    /// <summary>Minutes of a preset, or <see cref="Custom"/>.</summary>
    public int Preset { get; set; } = 60;

    public int? CustomMinutes { get; set; }

    public string? Reason { get; set; }

    public int? Minutes => Preset == Custom ? CustomMinutes : Preset;

    /// <summary>Null when the choice can be sent, otherwise the sentence to show.</summary>
    public string? Problem(TimeSpan maxDuration) =>
        Minutes is not { } minutes
            ? "Enter how many minutes to shelve the alarm for."
            : ShelveRules.Validate(minutes, Reason, maxDuration);
}

/// <summary>What the shelve dialog returns.</summary>
public sealed record ShelveRequest(int Minutes, string Reason);

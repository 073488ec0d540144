namespace KukaPortal.Core.Alarms;

/// <summary>Alarm settings (configuration section "Alarms"): priority bands, shelving, and the alarm-load KPI limits.</summary>
public sealed class AlarmOptions
{
    public const string Section = "Alarms";

    /// <summary>
    /// Lower bounds of the priority bands, in calibrated score (1.0 = the model's threshold). An alarm
    /// whose peak is below <see cref="LowAt"/> (the K-of-N rule raised on windows just at the threshold) is still Low.
    /// </summary>
    public double LowAt { get; set; } = 1.0;
    public double MediumAt { get; set; } = 1.5;
    public double HighAt { get; set; } = 2.5;
    public double UrgentAt { get; set; } = 4.0;

    /// <summary>Longest shelve an operator may ask for (ISA-18.2: shelving is always timed).</summary>
    public TimeSpan MaxShelveDuration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the background service looks for shelves that have expired.</summary>
    public TimeSpan ShelfExpiryPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Flood: more than <see cref="FloodAlarms"/> alarms raised within any <see cref="FloodWindow"/> (ISA-18.2: 10 per 10 minutes).</summary>
    public int FloodAlarms { get; set; } = 10;
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Chattering: one asset raising at least <see cref="ChatterRaises"/> alarms within <see cref="ChatterWindow"/>.</summary>
    public int ChatterRaises { get; set; } = 3;
    public TimeSpan ChatterWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An alarm whose condition has been active longer than this is stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many assets the "top offenders" list names.</summary>
    public int TopOffenders { get; set; } = 10;

    public static bool BandsRise(AlarmOptions o) => o.LowAt <= o.MediumAt && o.MediumAt <= o.HighAt && o.HighAt <= o.UrgentAt;
}

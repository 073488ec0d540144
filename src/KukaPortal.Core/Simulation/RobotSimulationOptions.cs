namespace KukaPortal.Core.Simulation;

/// <summary>
/// What to simulate. Every option has a default, so <c>new RobotSimulationOptions()</c> gives a purely
/// normal 20,000-row recording; <see cref="Validate"/> explains any value out of range.
/// </summary>
public sealed record RobotSimulationOptions
{
    /// <summary>
    /// 1 / 12 ms: the interpolation (IPO) cycle of KUKA KR C4 controllers, at which the controller's
    /// trace records joint values. The paper does not state its rate; this is the natural one for a
    /// KUKA trace, and at it a window of 100 rows (the paper's largest W) spans 1.2 s of motion.
    /// </summary>
    public const double KukaIpoRateHz = 1000.0 / 12.0;

    /// <summary>The most rows one recording may have: the values must fit one .NET array.</summary>
    public static int MaxRows => Array.MaxLength / RobotChannels.Names.Count;

    public int Rows { get; init; } = 20_000;

    public double SampleRateHz { get; init; } = KukaIpoRateHz;

    public int Seed { get; init; } = 1;

    /// <summary>Kinds to inject; empty (the default) gives a purely normal recording.</summary>
    public IReadOnlyList<AnomalyKind> Anomalies { get; init; } = [];

    /// <summary>Events of each kind; null gives one per 4 minutes of recording (20,000 rows at the default rate), at least one.</summary>
    public int? EventsPerKind { get; init; }

    /// <summary>Scales every anomaly's size (override drop, torque peak, extra mass, wear, drift and noise); 1 is the documented default.</summary>
    public double Intensity { get; init; } = 1.0;

    /// <summary>Normal parts weigh between <see cref="PartMassMinKg"/> and <see cref="PartMassMaxKg"/>; the load data holds their mean.</summary>
    public double PartMassMinKg { get; init; } = 2.0;

    public double PartMassMaxKg { get; init; } = 4.0;

    /// <summary>Chance that a cycle finds no part at the infeed and runs empty (a normal gap in production).</summary>
    public double EmptyPickProbability { get; init; } = 0.02;

    /// <summary>Scales the cycle-to-cycle variation (waits, dwell timing, part position); 0 repeats the same timing and points every cycle (part masses still vary).</summary>
    public double Variation { get; init; } = 1.0;

    /// <summary>Scales the measurement noise; 0 gives noise-free channels.</summary>
    public double NoiseLevel { get; init; } = 1.0;

    /// <summary>The program override the whole recording runs at (1 = 100 %); slowdowns come on top.</summary>
    public double ProgramOverride { get; init; } = 1.0;

    public double AmbientTemperatureC { get; init; } = 25.0;

    /// <summary>Start each motor at its steady running temperature (true) or at ambient, as after a cold start.</summary>
    public bool MotorsStartWarm { get; init; } = true;

    /// <summary>Cycles at the start kept free of anomalies, so every recording opens with normal behaviour.</summary>
    public int WarmUpCycles { get; init; } = 2;

    /// <exception cref="ArgumentException">An option is out of range; the message names it and the allowed range.</exception>
    public void Validate()
    {
        Require(Rows >= 1 && Rows <= MaxRows, nameof(Rows), $"must be between 1 and {MaxRows}, not {Rows}");
        Require(SampleRateHz is >= 10 and <= 1000, nameof(SampleRateHz), $"must be between 10 and 1000 Hz, not {SampleRateHz}");
        Require(Anomalies is not null, nameof(Anomalies), "must not be null (use an empty list)");
        Require(EventsPerKind is null or >= 1, nameof(EventsPerKind), $"must be at least 1, not {EventsPerKind}");
        Require(Intensity is > 0 and <= 3, nameof(Intensity), $"must be above 0 and at most 3, not {Intensity}");
        Require(PartMassMinKg >= 0 && PartMassMinKg <= PartMassMaxKg, nameof(PartMassMinKg), $"must be between 0 and {nameof(PartMassMaxKg)}, not {PartMassMinKg}");
        Require(PartMassMaxKg <= 12, nameof(PartMassMaxKg), $"must be at most 12 kg (the robot carries 16 kg, and a heavier part must still fit), not {PartMassMaxKg}");
        Require(EmptyPickProbability is >= 0 and <= 1, nameof(EmptyPickProbability), $"must be between 0 and 1, not {EmptyPickProbability}");
        Require(Variation is >= 0 and <= 5, nameof(Variation), $"must be between 0 and 5, not {Variation}");
        Require(NoiseLevel is >= 0 and <= 20, nameof(NoiseLevel), $"must be between 0 and 20, not {NoiseLevel}");
        Require(ProgramOverride is >= 0.1 and <= 1, nameof(ProgramOverride), $"must be between 0.1 and 1, not {ProgramOverride}");
        Require(AmbientTemperatureC is >= -20 and <= 60, nameof(AmbientTemperatureC), $"must be between -20 and 60 °C, not {AmbientTemperatureC}");
        Require(WarmUpCycles is >= 1 and <= 1000, nameof(WarmUpCycles), $"must be between 1 and 1000, not {WarmUpCycles}");
    }

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition) throw new ArgumentException($"{option} {problem}.", option);
    }
}

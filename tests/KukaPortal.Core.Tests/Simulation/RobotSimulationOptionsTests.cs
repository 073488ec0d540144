using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

public class RobotSimulationOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_sample_at_the_KUKA_interpolation_cycle()
    {
        var options = new RobotSimulationOptions();

        Should.NotThrow(options.Validate);
        options.SampleRateHz.ShouldBe(1000.0 / 12.0);
        options.Anomalies.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(nameof(RobotSimulationOptions.Rows))]
    [InlineData(nameof(RobotSimulationOptions.SampleRateHz))]
    [InlineData(nameof(RobotSimulationOptions.Intensity))]
    [InlineData(nameof(RobotSimulationOptions.PartMassMaxKg))]
    [InlineData(nameof(RobotSimulationOptions.ProgramOverride))]
    public void An_out_of_range_option_is_named_in_the_error(string option)
    {
        var bad = option switch
        {
            nameof(RobotSimulationOptions.Rows) => new RobotSimulationOptions { Rows = 0 },
            nameof(RobotSimulationOptions.SampleRateHz) => new RobotSimulationOptions { SampleRateHz = 5 },
            nameof(RobotSimulationOptions.Intensity) => new RobotSimulationOptions { Intensity = 0 },
            nameof(RobotSimulationOptions.PartMassMaxKg) => new RobotSimulationOptions { PartMassMaxKg = 20 },
            _ => new RobotSimulationOptions { ProgramOverride = 1.5 },
        };

        Should.Throw<ArgumentException>(() => RobotSimulator.Generate(bad)).ParamName.ShouldBe(option);
    }

    [Fact]
    public void A_recording_too_short_for_the_requested_events_is_refused_with_the_reason()
    {
        var options = new RobotSimulationOptions { Rows = 3_000, Anomalies = AnomalyKinds.Kinds };

        var error = Should.Throw<ArgumentException>(() => RobotSimulator.Generate(options));

        error.Message.ShouldContain("8 anomaly events need one cycle each");
    }

    [Fact]
    public void A_nominal_cycle_lasts_about_eight_seconds_and_stretches_with_the_override()
    {
        var full = RobotSimulator.NominalCycleSeconds(new RobotSimulationOptions());
        var half = RobotSimulator.NominalCycleSeconds(new RobotSimulationOptions { ProgramOverride = 0.5 });

        full.ShouldBeInRange(6.0, 10.0);
        // Moves take twice as long; the dwells (1.7 s) do not follow the override.
        (half - full).ShouldBe(full - 1.7, tolerance: 1e-9);
    }
}

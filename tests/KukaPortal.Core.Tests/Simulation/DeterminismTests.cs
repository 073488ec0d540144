using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

public class DeterminismTests
{
    private static readonly RobotSimulationOptions Options = new()
    {
        Rows = 9_000,
        Seed = 42,
        Anomalies = [AnomalyKind.Collision, AnomalyKind.Stuck, AnomalyKind.Missing],
        EventsPerKind = 1,
    };

    [Fact]
    public void The_same_options_give_identical_values_labels_and_events()
    {
        var first = RobotSimulator.Generate(Options);
        var second = RobotSimulator.Generate(Options with { Anomalies = [.. Options.Anomalies] });

        second.Series.Values.ShouldBe(first.Series.Values); // NaN equals NaN here, as it should
        second.Series.Labels.ShouldBe(first.Series.Labels);
        second.Series.Timestamps.ShouldBe(first.Series.Timestamps);
        second.Events.ShouldBe(first.Events, ignoreOrder: false, comparer: EventComparer.Instance);
    }

    [Fact]
    public void Another_seed_gives_another_recording()
    {
        var first = RobotSimulator.Generate(Options with { Rows = 2_000, Anomalies = [] });
        var other = RobotSimulator.Generate(Options with { Rows = 2_000, Anomalies = [], Seed = 43 });

        other.Series.Values.SequenceEqual(first.Series.Values).ShouldBeFalse();
    }

    [Fact]
    public void A_sensor_fault_leaves_every_row_before_it_as_in_the_normal_recording()
    {
        var faulty = Simulations.With(AnomalyKind.Drift);
        var normal = Simulations.Normal;
        var firstFaultRow = faulty.Events.Min(e => e.StartRow);

        faulty.Series.Values.AsSpan(0, firstFaultRow * RobotChannels.Count)
            .SequenceEqual(normal.Series.Values.AsSpan(0, firstFaultRow * RobotChannels.Count))
            .ShouldBeTrue();
    }

    private sealed class EventComparer : IEqualityComparer<AnomalyEvent>
    {
        public static readonly EventComparer Instance = new();

        public bool Equals(AnomalyEvent? x, AnomalyEvent? y) =>
            x is not null && y is not null && x with { Channels = [] } == y with { Channels = [] } && x.Channels.SequenceEqual(y.Channels);

        public int GetHashCode(AnomalyEvent e) => e.StartRow;
    }
}

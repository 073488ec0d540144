using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

public class LabelTests
{
    private static readonly Lazy<SimulatedRecording> everyKind = new(() =>
        RobotSimulator.Generate(new RobotSimulationOptions { Rows = 24_000, Seed = 3, Anomalies = AnomalyKinds.Kinds }));

    [Fact]
    public void A_normal_recording_has_no_anomalous_row_and_no_event()
    {
        Simulations.Normal.Series.Labels!.ShouldAllBe(label => !label);
        Simulations.Normal.Events.ShouldBeEmpty();
        Simulations.Normal.Series.Values.ShouldAllBe(v => float.IsFinite(v));
    }

    [Fact]
    public void Every_requested_kind_happens_once_by_default_in_a_short_recording()
    {
        everyKind.Value.Events.Select(e => e.Kind).Order().ShouldBe(AnomalyKinds.Kinds);
    }

    [Fact]
    public void Labels_are_true_exactly_on_the_events()
    {
        var recording = everyKind.Value;
        var expected = new bool[recording.Series.Rows];
        foreach (var e in recording.Events)
        {
            e.Length.ShouldBeGreaterThan(0);
            for (var row = e.StartRow; row < e.EndRow; row++)
            {
                expected[row].ShouldBeFalse($"events overlap at row {row}");
                expected[row] = true;
            }
        }

        recording.Series.Labels.ShouldBe(expected);
    }

    [Fact]
    public void The_warm_up_cycles_stay_normal()
    {
        var recording = everyKind.Value;
        var thirdCycle = recording.Series.CycleStarts()[2];

        recording.Events.ShouldAllBe(e => e.StartRow >= thirdCycle);
    }

    [Fact]
    public void Events_name_their_axis_and_sensor_faults_their_channels()
    {
        foreach (var e in everyKind.Value.Events)
        {
            e.Description.ShouldNotBeNullOrWhiteSpace();
            if (e.Kind is AnomalyKind.Slowdown or AnomalyKind.Payload) e.Axis.ShouldBeNull();
            else e.Axis.ShouldNotBeNull().ShouldBeInRange(1, 6);
            if (e.Kind is AnomalyKind.Drift or AnomalyKind.Stuck or AnomalyKind.Noise or AnomalyKind.Missing)
                e.Channels.ShouldAllBe(c => c.StartsWith($"A{e.Axis}_"));
        }
    }
}

using KukaPortal.Core.Series;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

/// <summary>
/// Physical faults, each compared with the same seed's normal recording: up to the first event the
/// two are identical, inside events the physics shows the fault.
/// </summary>
public class ProcessAnomalyTests
{
    [Theory]
    [InlineData(AnomalyKind.Slowdown)]
    [InlineData(AnomalyKind.Collision)]
    [InlineData(AnomalyKind.Payload)]
    [InlineData(AnomalyKind.Friction)]
    public void Each_fault_happens_as_requested_and_nothing_changes_before_it(AnomalyKind kind)
    {
        var recording = Simulations.With(kind);
        var baseline = Simulations.BaselineOf(kind);

        recording.Events.Count.ShouldBe(2);
        recording.Events.ShouldAllBe(e => e.Kind == kind);
        var before = recording.Events[0].StartRow * RobotChannels.Count;
        recording.Series.Values.AsSpan(0, before).SequenceEqual(baseline.Series.Values.AsSpan(0, before)).ShouldBeTrue();
    }

    [Fact]
    public void A_slowdown_stretches_its_cycle_and_slows_its_moves_to_the_override()
    {
        var recording = Simulations.With(AnomalyKind.Slowdown).Series;
        var baseline = Simulations.BaselineOf(AnomalyKind.Slowdown).Series;

        foreach (var slowdown in Simulations.With(AnomalyKind.Slowdown).Events)
        {
            var cycle = (int)recording[slowdown.StartRow, RobotChannels.CycleIndex];
            recording.CycleLength(cycle).ShouldBeGreaterThan(baseline.CycleLength(cycle));

            // The same moves (cycle, step) in both recordings: the slowed ones peak at override × normal speed.
            var moves = Enumerable.Range(slowdown.StartRow, slowdown.Length).Select(r => StepOf(recording, r)).ToHashSet();
            var baselineRows = Enumerable.Range(0, baseline.Rows).Where(r => moves.Contains(StepOf(baseline, r))).ToArray();
            var ratio = PeakSpeed(recording, Enumerable.Range(slowdown.StartRow, slowdown.Length)) / PeakSpeed(baseline, baselineRows);
            ratio.ShouldBeInRange(0.45, 0.85);
        }
    }

    [Fact]
    public void A_collision_spikes_the_current_and_following_error_of_the_hit_axis_beyond_anything_normal()
    {
        var recording = Simulations.With(AnomalyKind.Collision);
        var series = recording.Series;
        var normalRows = Enumerable.Range(0, series.Rows).Where(r => !series.Labels![r]).ToArray();

        foreach (var collision in recording.Events)
        {
            var axis = collision.Axis!.Value;
            var current = Simulations.Column(axis, AxisSignal.CurrentActual);
            var error = Simulations.Column(axis, AxisSignal.FollowingError);

            series.MaxAbs(current, collision.StartRow, collision.EndRow).ShouldBeGreaterThan(1.2 * normalRows.Max(r => Math.Abs(series[r, current])));
            series.MaxAbs(error, collision.StartRow, collision.EndRow).ShouldBeGreaterThan(1.2 * normalRows.Max(r => Math.Abs(series[r, error])));
            (collision.EndRow - collision.StartRow).ShouldBeLessThan(40); // under half a second: a hit, then the servo recovers
        }
    }

    [Fact]
    public void A_heavier_part_raises_the_shoulder_torque_while_the_feed_forward_still_assumes_the_configured_part()
    {
        var recording = Simulations.With(AnomalyKind.Payload).Series;
        var baseline = Simulations.BaselineOf(AnomalyKind.Payload).Series;
        var torque = Simulations.Column(2, AxisSignal.TorqueActual);
        var feedForward = Simulations.Column(2, AxisSignal.TorqueFeedForward);

        foreach (var payload in Simulations.With(AnomalyKind.Payload).Events)
        {
            // Carrying only: the part is on the arm from lift-off until it is set down.
            Enumerable.Range(payload.StartRow, payload.Length).Select(r => (int)recording[r, RobotChannels.ProgramStepIndex]).Distinct()
                .ShouldBe([(int)ProgramStep.Lift, (int)ProgramStep.Transfer, (int)ProgramStep.DescendPlace]);
            recording.Rms(torque, payload.StartRow, payload.EndRow).ShouldBeGreaterThan(1.1 * baseline.Rms(torque, payload.StartRow, payload.EndRow));
            recording.ColumnValues(feedForward, payload.StartRow, payload.EndRow)
                .ShouldBe(baseline.ColumnValues(feedForward, payload.StartRow, payload.EndRow));
        }
    }

    [Fact]
    public void Bearing_wear_raises_the_current_and_then_the_temperature_of_its_axis()
    {
        var recording = Simulations.With(AnomalyKind.Friction).Series;
        var baseline = Simulations.BaselineOf(AnomalyKind.Friction).Series;

        foreach (var wear in Simulations.With(AnomalyKind.Friction).Events)
        {
            var axis = wear.Axis!.Value;
            var current = Simulations.Column(axis, AxisSignal.CurrentActual);
            var temperature = Simulations.Column(axis, AxisSignal.MotorTemperature);
            var lastThird = wear.EndRow - wear.Length / 3;

            recording.Rms(current, lastThird, wear.EndRow).ShouldBeGreaterThan(1.05 * baseline.Rms(current, lastThird, wear.EndRow));
            recording[wear.EndRow - 1, temperature].ShouldBeGreaterThan(baseline[wear.EndRow - 1, temperature]);
        }
    }

    private static (int Cycle, int Step) StepOf(TimeSeries series, int row) =>
        ((int)series[row, RobotChannels.CycleIndex], (int)series[row, RobotChannels.ProgramStepIndex]);

    /// <summary>The largest commanded speed of any axis over the rows, as a share of that axis's largest over the rows.</summary>
    private static double PeakSpeed(TimeSeries series, IEnumerable<int> rows)
    {
        var list = rows.ToArray();
        return Enumerable.Range(1, 6).Max(axis => list.Max(r => Math.Abs(series[r, Simulations.Column(axis, AxisSignal.VelocityCommand)])));
    }
}

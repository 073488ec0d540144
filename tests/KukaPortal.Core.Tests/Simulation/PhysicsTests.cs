using KukaPortal.Core.Series;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

public class PhysicsTests
{
    private static TimeSeries Quiet => Simulations.QuietNormal.Series;
    private static double Period => 1 / RobotSimulationOptions.KukaIpoRateHz;

    [Fact]
    public void The_actual_position_follows_the_command_within_a_fifth_of_a_degree()
    {
        var series = Simulations.Normal.Series;
        for (var axis = 1; axis <= 6; axis++)
        {
            int command = Simulations.Column(axis, AxisSignal.PositionCommand), actual = Simulations.Column(axis, AxisSignal.PositionActual);
            var error = Simulations.Column(axis, AxisSignal.FollowingError);
            for (var row = 0; row < series.Rows; row++)
            {
                Math.Abs(series[row, error]).ShouldBeLessThan(0.2f);
                (series[row, command] - series[row, actual]).ShouldBe(series[row, error], tolerance: 1e-4);
            }
        }
    }

    [Fact]
    public void Velocity_is_the_derivative_of_position_and_acceleration_that_of_velocity()
    {
        for (var axis = 1; axis <= 6; axis++)
        {
            var velocityError = DerivativeMismatch(Quiet, Simulations.Column(axis, AxisSignal.PositionActual), Simulations.Column(axis, AxisSignal.VelocityActual));
            var accelerationError = DerivativeMismatch(Quiet, Simulations.Column(axis, AxisSignal.VelocityActual), Simulations.Column(axis, AxisSignal.AccelerationActual));

            velocityError.ShouldBeLessThan(0.5, $"A{axis}: deg/s");
            // Where a ramp starts or ends the jerk jumps, and a central difference over 24 ms blurs that
            // by a few percent of the peak acceleration.
            var peak = Quiet.MaxAbs(Simulations.Column(axis, AxisSignal.AccelerationCommand), 0, Quiet.Rows);
            accelerationError.ShouldBeLessThan(2 + 0.05 * peak, $"A{axis}: deg/s²");
        }
    }

    [Fact]
    public void Commanded_velocity_is_the_derivative_of_the_commanded_position()
    {
        for (var axis = 1; axis <= 6; axis++)
            DerivativeMismatch(Quiet, Simulations.Column(axis, AxisSignal.PositionCommand), Simulations.Column(axis, AxisSignal.VelocityCommand))
                .ShouldBeLessThan(0.5, $"A{axis}: deg/s");
    }

    [Fact]
    public void Electrical_power_is_torque_times_speed_plus_a_copper_loss_growing_with_current_squared()
    {
        for (var axis = 1; axis <= 6; axis++)
        {
            int power = Simulations.Column(axis, AxisSignal.Power), torque = Simulations.Column(axis, AxisSignal.TorqueActual);
            int velocity = Simulations.Column(axis, AxisSignal.VelocityActual), current = Simulations.Column(axis, AxisSignal.CurrentActual);
            // Fit the winding resistance R in P − τ·ω = R·I², then check every row against it.
            double numerator = 0, denominator = 0;
            for (var row = 0; row < Quiet.Rows; row++)
            {
                var loss = Quiet[row, power] - Quiet[row, torque] * Quiet[row, velocity] * Math.PI / 180;
                var squared = (double)Quiet[row, current] * Quiet[row, current];
                numerator += loss * squared;
                denominator += squared * squared;
            }
            var resistance = numerator / denominator;

            resistance.ShouldBeInRange(0.5, 10, $"A{axis}: ohms");
            for (var row = 0; row < Quiet.Rows; row++)
            {
                var expected = Quiet[row, torque] * Quiet[row, velocity] * Math.PI / 180 + resistance * Quiet[row, current] * Quiet[row, current];
                ((double)Quiet[row, power]).ShouldBe(expected, tolerance: 0.01 + 1e-4 * Math.Abs(expected));
            }
        }
    }

    [Fact]
    public void Torque_is_the_measured_current_times_a_fixed_torque_constant()
    {
        for (var axis = 1; axis <= 6; axis++)
        {
            int torque = Simulations.Column(axis, AxisSignal.TorqueActual), current = Simulations.Column(axis, AxisSignal.CurrentActual);
            var ratios = Enumerable.Range(0, Quiet.Rows).Where(r => Math.Abs(Quiet[r, current]) > 0.05).Select(r => (double)Quiet[r, torque] / Quiet[r, current]).ToArray();

            ratios.Length.ShouldBeGreaterThan(1000);
            (ratios.Max() - ratios.Min()).ShouldBeLessThan(1e-3 * ratios.Average());
        }
    }

    [Fact]
    public void Motors_run_at_plausible_temperatures_above_ambient()
    {
        var series = Simulations.Normal.Series;
        for (var axis = 1; axis <= 6; axis++)
            series.ColumnValues(Simulations.Column(axis, AxisSignal.MotorTemperature), 0, series.Rows).ShouldAllBe(t => t > 27 && t < 65);
    }

    [Fact]
    public void From_a_cold_start_motors_warm_up_and_more_so_with_heavier_parts()
    {
        var cold = new RobotSimulationOptions { Rows = 8_000, MotorsStartWarm = false, NoiseLevel = 0 };
        var light = RobotSimulator.Generate(cold with { PartMassMinKg = 0, PartMassMaxKg = 0.5 }).Series;
        var heavy = RobotSimulator.Generate(cold with { PartMassMinKg = 9, PartMassMaxKg = 10 }).Series;
        var last = cold.Rows - 1;

        for (var axis = 1; axis <= 6; axis++)
        {
            var temperature = Simulations.Column(axis, AxisSignal.MotorTemperature);
            light[0, temperature].ShouldBe(25f);
            light[last, temperature].ShouldBeGreaterThan(25.3f, $"A{axis}");
        }
        var shoulder = Simulations.Column(2, AxisSignal.MotorTemperature);
        heavy.Rms(Simulations.Column(2, AxisSignal.CurrentActual), 0, last).ShouldBeGreaterThan(light.Rms(Simulations.Column(2, AxisSignal.CurrentActual), 0, last));
        heavy[last, shoulder].ShouldBeGreaterThan(light[last, shoulder] + 0.03f);
    }

    [Fact]
    public void Each_cycle_runs_the_ten_program_steps_in_order()
    {
        var series = Simulations.Normal.Series;
        var steps = new List<int>();
        for (var row = 0; row < series.Rows; row++)
        {
            var step = (int)series[row, RobotChannels.ProgramStepIndex];
            if (steps.Count == 0 || steps[^1] != step) steps.Add(step);
        }

        steps.Take(20).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        series.CycleStarts().Count.ShouldBeInRange(18, 22); // 14,000 rows of about 8.4 s cycles at 83 Hz
    }

    /// <summary>
    /// Largest gap between a channel and the central difference of another. Rows next to a change of
    /// program step are skipped: gripping and releasing move the part's weight onto or off the arm at
    /// once, a real jolt that lasts less than one 12 ms sample.
    /// </summary>
    private static double DerivativeMismatch(TimeSeries series, int of, int derivative)
    {
        var worst = 0.0;
        for (var row = 1; row < series.Rows - 1; row++)
        {
            if (series[row - 1, RobotChannels.ProgramStepIndex] != series[row + 1, RobotChannels.ProgramStepIndex]) continue;
            var slope = (series[row + 1, of] - (double)series[row - 1, of]) / (2 * Period);
            worst = Math.Max(worst, Math.Abs(slope - series[row, derivative]));
        }
        return worst;
    }
}

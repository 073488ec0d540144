using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

public class RobotChannelsTests
{
    [Fact]
    public void There_are_86_channels_like_the_KUKA_data_set_14_per_axis_plus_cycle_and_step()
    {
        RobotChannels.Count.ShouldBe(86);
        RobotChannels.SignalsPerAxis.ShouldBe(14);
        RobotChannels.Names.Distinct().Count().ShouldBe(86);
        RobotChannels.Names[RobotChannels.CycleIndex].ShouldBe("cycle");
        RobotChannels.Names[RobotChannels.ProgramStepIndex].ShouldBe("program_step");
    }

    [Fact]
    public void Channels_are_grouped_by_axis_in_signal_order()
    {
        RobotChannels.Names.Take(14).ShouldBe(
        [
            "A1_pos_cmd", "A1_pos_act", "A1_pos_err", "A1_vel_cmd", "A1_vel_act", "A1_acc_cmd", "A1_acc_act",
            "A1_torque_ff", "A1_torque_act", "A1_current_cmd", "A1_current_act", "A1_voltage", "A1_temp_motor", "A1_power",
        ]);
        RobotChannels.Names[RobotChannels.IndexOf(6, AxisSignal.Power)].ShouldBe("A6_power");
        RobotChannels.IndexOf(2, AxisSignal.PositionCommand).ShouldBe(14);
    }

    [Fact]
    public void Axes_outside_A1_to_A6_are_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => RobotChannels.IndexOf(0, AxisSignal.Power));
        Should.Throw<ArgumentOutOfRangeException>(() => RobotChannels.IndexOf(7, AxisSignal.Power));
    }

    [Fact]
    public void A_recording_uses_the_documented_channels_and_12_ms_timestamps()
    {
        var series = Simulations.Normal.Series;

        series.Channels.ShouldBe(RobotChannels.Names);
        series.Rows.ShouldBe(Simulations.Rows);
        series.Timestamps![0].ShouldBe(0);
        series.Timestamps[1000].ShouldBe(12.0, tolerance: 1e-9);
    }
}

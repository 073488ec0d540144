using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

/// <summary>
/// Sensor faults change what was recorded, not what the robot did: compared with the same seed's
/// normal recording, only the event's channels differ, and only inside the event.
/// </summary>
public class SensorFaultTests
{
    [Theory]
    [InlineData(AnomalyKind.Drift)]
    [InlineData(AnomalyKind.Stuck)]
    [InlineData(AnomalyKind.Noise)]
    [InlineData(AnomalyKind.Missing)]
    public void Only_the_named_channels_differ_and_only_inside_the_event(AnomalyKind kind)
    {
        var recording = Simulations.With(kind);
        var baseline = Simulations.BaselineOf(kind).Series;
        var series = recording.Series;
        recording.Events.Count.ShouldBe(2);

        for (var row = 0; row < series.Rows; row++)
        {
            var inside = recording.Events.FirstOrDefault(e => e.Contains(row));
            for (var column = 0; column < series.ChannelCount; column++)
            {
                var named = inside is not null && inside.Channels.Contains(series.Channels[column]);
                if (!named && !series[row, column].Equals(baseline[row, column]))
                    throw new ShouldAssertException($"{series.Channels[column]} differs at row {row}, outside the {kind} fault's channels or rows");
            }
        }
    }

    [Fact]
    public void A_drift_grows_steadily_inside_its_event()
    {
        var recording = Simulations.With(AnomalyKind.Drift);
        foreach (var drift in recording.Events)
        {
            var column = RobotChannels.Names.ToList().IndexOf(drift.Channels.Single());
            var offsets = Enumerable.Range(drift.StartRow, drift.Length)
                .Select(r => Math.Abs(recording.Series[r, column] - (double)Simulations.Normal.Series[r, column])).ToArray();

            offsets[0].ShouldBeLessThan(offsets[drift.Length / 2]);
            offsets[drift.Length / 2].ShouldBeLessThan(offsets[^1]);
            var normal = Simulations.Normal.Series.ColumnValues(column, 0, Simulations.Rows).ToArray();
            offsets[^1].ShouldBeGreaterThan(0.1 * (normal.Max() - normal.Min())); // at least 15 % of the range at intensity 1
        }
    }

    [Fact]
    public void A_stuck_channel_repeats_the_last_value_before_the_event()
    {
        var recording = Simulations.With(AnomalyKind.Stuck);
        foreach (var stuck in recording.Events)
        {
            var column = RobotChannels.Names.ToList().IndexOf(stuck.Channels.Single());
            var frozen = recording.Series[stuck.StartRow - 1, column];

            recording.Series.ColumnValues(column, stuck.StartRow, stuck.EndRow).ShouldAllBe(v => v == frozen);
            stuck.Length.ShouldBeGreaterThan(100); // 1.5–5 s
        }
    }

    [Fact]
    public void A_noise_burst_raises_the_variance_of_the_drive_readings()
    {
        var recording = Simulations.With(AnomalyKind.Noise);
        var baseline = Simulations.Normal.Series;
        foreach (var burst in recording.Events)
        {
            burst.Channels.Count.ShouldBe(4);
            foreach (var column in burst.Channels.Select(c => RobotChannels.Names.ToList().IndexOf(c)))
            {
                var range = baseline.ColumnValues(column, 0, baseline.Rows).Max() - baseline.ColumnValues(column, 0, baseline.Rows).Min();
                var added = Enumerable.Range(burst.StartRow, burst.Length).Select(r => (double)recording.Series[r, column] - baseline[r, column]).ToArray();
                var deviation = Math.Sqrt(added.Average(a => a * a));

                deviation.ShouldBeGreaterThan(0.08 * range);
            }
        }
    }

    [Fact]
    public void Missing_samples_are_NaN_exactly_inside_the_event_on_the_axis_measurements()
    {
        var recording = Simulations.With(AnomalyKind.Missing);
        var series = recording.Series;

        for (var row = 0; row < series.Rows; row++)
        {
            var inside = recording.Events.FirstOrDefault(e => e.Contains(row));
            for (var column = 0; column < series.ChannelCount; column++)
            {
                var expectNaN = inside is not null && inside.Channels.Contains(series.Channels[column]);
                float.IsNaN(series[row, column]).ShouldBe(expectNaN, $"{series.Channels[column]} at row {row}");
            }
        }
        recording.Events.ShouldAllBe(e => e.Channels.Count == 9 && !e.Channels.Any(c => c.EndsWith("_cmd") || c.EndsWith("_ff")));
    }
}

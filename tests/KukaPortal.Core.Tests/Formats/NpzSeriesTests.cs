using System.IO.Compression;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Formats;

public class NpzSeriesTests
{
    [Fact]
    public void Reads_back_values_channels_timestamps_and_labels_exactly()
    {
        // Unix seconds of 2026 at the KUKA IPO cycle: float32 has a step of 128 s there, so only float64 keeps them apart.
        var times = Enumerable.Range(0, 4).Select(r => 1_767_225_600.0 + r * 0.012).ToArray();
        ((float)times[0]).ShouldBe((float)times[1]);
        var source = new TimeSeries(
            ["A1_pos_act", "Temperatur °C", "current, A"],
            [1.5f, -0f, float.Epsilon, float.MaxValue, -1e-30f, 123456.79f, float.NaN, 0.1f, -7f, 3f, 2f, 1f],
            times,
            [false, true, true, false]);

        var read = RoundTrip(source);

        read.Channels.ShouldBe(source.Channels);
        read.Values.Select(BitConverter.SingleToInt32Bits).ShouldBe(source.Values.Select(BitConverter.SingleToInt32Bits));
        read.Timestamps.ShouldNotBeNull().Select(BitConverter.DoubleToInt64Bits).ShouldBe(times.Select(BitConverter.DoubleToInt64Bits));
        read.Labels.ShouldBe(source.Labels);
    }

    [Fact]
    public void Leaves_timestamps_and_labels_absent_when_the_series_had_none()
    {
        var source = Sample(5, 2, times: false, labels: false);

        var read = RoundTrip(source);

        read.Values.ShouldBe(source.Values);
        read.Timestamps.ShouldBeNull();
        read.Labels.ShouldBeNull();
    }

    [Fact]
    public void Refuses_an_archive_without_values_naming_the_missing_entry()
    {
        var names = new MemoryStream();
        NpyWriter.WriteStrings(names, ["a", "b"]);
        var archive = new MemoryStream(Zip(CompressionLevel.NoCompression, ("channels.npy", names.ToArray())));

        var error = Should.Throw<RecordingFormatException>(() => NpzSeries.Read(archive));

        error.Kind.ShouldBe(RecordingErrorKind.Malformed);
        error.Message.ShouldBe("The stored recording has no 'values.npy'.");
    }

    private static TimeSeries RoundTrip(TimeSeries series)
    {
        var stored = new MemoryStream();
        NpzSeries.Write(stored, series);
        stored.Position = 0;
        return NpzSeries.Read(stored);
    }
}

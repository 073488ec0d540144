using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Formats;

public class CsvRoundTripTests
{
    [Theory]
    [InlineData(',', "run.csv")]
    [InlineData(';', "run.csv")]
    [InlineData('\t', "run.tsv")]
    public async Task Reads_back_exactly_what_it_wrote(char delimiter, string name)
    {
        var source = new TimeSeries(
            ["axis 1", "current, A", "say \"hi\"", " padded "],
            [1.5f, float.NaN, float.MaxValue, -0f, float.Epsilon, float.PositiveInfinity, -1e-30f, 123456.79f],
            [0.001, 1_767_225_600.123456],
            [false, true]);
        var file = new MemoryStream();
        CsvRecordingWriter.Write(file, source, delimiter);

        var read = (await Read(Bytes(name, file.ToArray()))).Single().Series;

        read.Channels.ShouldBe(source.Channels);
        read.Values.Select(BitConverter.SingleToInt32Bits).ShouldBe(source.Values.Select(BitConverter.SingleToInt32Bits));
        read.Timestamps.ShouldBe(source.Timestamps);
        read.Labels.ShouldBe(source.Labels);
    }

    [Fact]
    public async Task Round_trips_a_series_without_time_or_labels()
    {
        var source = Sample(50, 3, times: false, labels: false);
        var file = new MemoryStream();
        CsvRecordingWriter.Write(file, source);

        var read = (await Read(Bytes("plain.csv", file.ToArray()))).Single().Series;

        read.Values.ShouldBe(source.Values);
        read.Timestamps.ShouldBeNull();
        read.Labels.ShouldBeNull();
    }
}

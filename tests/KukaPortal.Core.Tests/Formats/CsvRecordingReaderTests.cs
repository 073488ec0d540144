using System.Text;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Formats;

public class CsvRecordingReaderTests
{
    private static TimeSeries Read(Stream stream, RecordingReadOptions? options = null) =>
        CsvRecordingReader.Read(stream, options, cancellationToken: TestContext.Current.CancellationToken);

    private static Stream Text(string text, bool bom = false) =>
        new MemoryStream((bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    [Fact]
    public void Reads_channels_time_and_label_columns()
    {
        var series = Read(Text("timestamp,a1,a2,label\n0.0,1.5,2,0\n0.1,-1e-3,4,1\n"));

        series.Channels.ShouldBe(["a1", "a2"]);
        series.Rows.ShouldBe(2);
        series.Values.ShouldBe([1.5f, 2f, -0.001f, 4f]);
        series.Timestamps.ShouldBe([0.0, 0.1]);
        series.Labels.ShouldBe([false, true]);
    }

    [Fact]
    public void Detects_semicolons_and_a_byte_order_mark()
    {
        var series = Read(Text("a;b\n1;2\n3;4\n", bom: true));

        series.Channels.ShouldBe(["a", "b"]);
        series.Values.ShouldBe([1f, 2f, 3f, 4f]);
    }

    [Fact]
    public void Turns_iso_times_into_seconds_from_the_first_row()
    {
        var series = Read(Text("time,a\n2026-01-01T00:00:00Z,1\n2026-01-01T00:00:00.5Z,2\n"));

        series.Timestamps.ShouldBe([0.0, 0.5]);
    }

    [Fact]
    public void Reads_quoted_fields() =>
        Read(Text("\"a\",\"b, with comma\"\n\"1\",\"2\"\n")).Channels.ShouldBe(["a", "b, with comma"]);

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("a,b\n", "The file has a header but no data rows.")]
    [InlineData("a,b\n1,2\n3\n", "Line 3: Expected 2 fields as in the header, found 1.")]
    [InlineData("a,b\n1,2\n3,x4\n", "Line 3, column 'b': 'x4' is not a number.")]
    [InlineData("a,a\n1,2\n", "Line 1, column 'a': The header names this column twice.")]
    [InlineData("a,,c\n1,2,3\n", "Line 1: Header column 2 has no name.")]
    [InlineData("a,label\n1,maybe\n", "Line 2, column 'label': 'maybe' is not a label (0/1 or true/false).")]
    public void Rejects_broken_files_saying_where(string text, string message) =>
        Should.Throw<RecordingFormatException>(() => Read(Text(text))).Message.ShouldBe(message);
}

using System.Text;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Formats;

public class CsvRecordingReaderTests
{
    private static TimeSeries Read(string text, RecordingReadOptions? options = null, ReadLimits? limits = null, bool bom = false) =>
        CsvRecordingReader.Read(Text(text, bom), options, limits, TestContext.Current.CancellationToken);

    private static Stream Text(string text, bool bom = false) =>
        new MemoryStream((bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    [Fact]
    public void Reads_channels_time_and_label_columns()
    {
        var series = Read("timestamp,a1,a2,label\n0.0,1.5,2,0\n0.1,-1e-3,4,1\n");

        series.Channels.ShouldBe(["a1", "a2"]);
        series.Rows.ShouldBe(2);
        series.Values.ShouldBe([1.5f, 2f, -0.001f, 4f]);
        series.Timestamps.ShouldBe([0.0, 0.1]);
        series.Labels.ShouldBe([false, true]);
    }

    [Fact]
    public void Detects_semicolons_and_a_byte_order_mark()
    {
        var series = Read("a;b\n1;2\n3;4\n", bom: true);

        series.Channels.ShouldBe(["a", "b"]);
        series.Values.ShouldBe([1f, 2f, 3f, 4f]);
    }

    [Fact]
    public void Detects_tabs_and_reads_windows_line_ends_and_a_last_line_without_a_break() =>
        Read("a\tb\r\n1\t2\r\n3\t4").Values.ShouldBe([1f, 2f, 3f, 4f]);

    [Fact]
    public void Takes_the_delimiter_from_the_options() =>
        Read("a;b,c\n1,5\n", new RecordingReadOptions { Delimiter = ',' }).Channels.ShouldBe(["a;b", "c"]);

    [Fact]
    public void Turns_iso_times_into_seconds_from_the_first_row() =>
        Read("time,a\n2026-01-01T00:00:00Z,1\n2026-01-01T00:00:00.5Z,2\n2026-01-01T01:00:00+01:00,3\n").Timestamps.ShouldBe([0.0, 0.5, 0.0]);

    [Fact]
    public void Reads_quoted_fields_with_escaped_quotes()
    {
        var series = Read("\"a\",\"b, with \"\"comma\"\"\"\n\"1\", \"2.5\" \n");

        series.Channels.ShouldBe(["a", "b, with \"comma\""]);
        series.Values.ShouldBe([1f, 2.5f]);
    }

    [Fact]
    public void Reads_an_empty_cell_as_a_missing_value_and_spelled_out_special_values()
    {
        var series = Read("a,b,c\n1,,NaN\n-Infinity, 2 ,Infinity\n");

        series.Values.ShouldBe([1f, float.NaN, float.NaN, float.NegativeInfinity, 2f, float.PositiveInfinity]);
    }

    [Fact]
    public void Skips_blank_lines_and_counts_them_in_line_numbers()
    {
        Read("\n  \na,b\n1,2\n\n \t\n3,4\n").Values.ShouldBe([1f, 2f, 3f, 4f]);
        Should.Throw<RecordingFormatException>(() => Read("\na,b\n1,2\n\n3,x\n")).Message.ShouldBe("Line 5, column 'b': 'x' is not a number.");
    }

    [Fact]
    public void Fixes_the_kind_of_time_from_the_first_row_even_after_blocks_of_blank_lines()
    {
        var text = "time,a\n" + new string('\n', 5 << 20) + "2026-01-01T00:00:00Z,1\n2026-01-01T00:00:01Z,2\n";

        Read(text).Timestamps.ShouldBe([0, 1]);
    }

    [Fact]
    public void Takes_named_time_and_label_columns_and_leaves_out_excluded_ones()
    {
        var series = Read("when,a,state,note,b\n1.5,1,true,x,2\n2.5,3,FALSE,y,4\n", new RecordingReadOptions
        {
            TimestampColumn = "when",
            LabelColumn = "STATE",
            ExcludeColumns = new HashSet<string>(["Note"], StringComparer.OrdinalIgnoreCase),
        });

        series.Channels.ShouldBe(["a", "b"]);
        series.Timestamps.ShouldBe([1.5, 2.5]);
        series.Labels.ShouldBe([true, false]);
    }

    [Fact]
    public void Stops_at_the_configured_number_of_values() =>
        Should.Throw<RecordingFormatException>(() => Read("a,b\n1,2\n3,4\n5,6\n", limits: new ReadLimits { MaxValues = 5 }))
            .Message.ShouldBe("The file holds more than 5 values, the most one recording may have.");

    [Fact]
    public void Parses_every_number_exactly_as_the_framework_does()
    {
        var random = new Random(3);
        var cells = Enumerable.Range(0, 20_000).Select(_ => RandomNumber(random)).ToArray();
        var text = new StringBuilder("v\n");
        foreach (var cell in cells) text.Append(cell).Append('\n');

        var series = Read(text.ToString());

        var expected = cells.Select(c => float.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        series.Values.Select(BitConverter.SingleToInt32Bits).ShouldBe(expected.Select(BitConverter.SingleToInt32Bits));
    }

    /// <summary>Plain, long, tiny, huge and halfway-looking decimals, so that both the fast and the slow path are exercised.</summary>
    private static string RandomNumber(Random random)
    {
        var digits = new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => (char)('0' + random.Next(10))).ToArray());
        var point = random.Next(digits.Length + 1);
        var text = (random.Next(2) == 0 ? "-" : "") + digits[..point] + "." + digits[point..];
        if (text.EndsWith('.') || text.StartsWith('.') || text.StartsWith("-.")) text += "0";
        return random.Next(4) == 0 ? text + "e" + random.Next(-40, 40) : text;
    }

    [Fact]
    public void Parses_a_large_file_in_parallel_with_the_same_rows_and_line_numbers()
    {
        var text = new StringBuilder("t,a,b\n");
        for (var row = 0; row < 100_000; row++) text.Append(row).Append(',').Append(row * 0.5).Append(",-").Append(row).Append('\n');

        var series = Read(text.ToString());

        series.Rows.ShouldBe(100_000);
        series.Timestamps![99_999].ShouldBe(99_999);
        series[77_777, 0].ShouldBe(77_777 * 0.5f);
        series[77_777, 1].ShouldBe(-77_777f);

        // The 2 MB file is one block, cut near row 50,000: one error in each half, then one in the second half only.
        var secondHalfOnly = text.ToString().Replace("\n90000,45000,-90000\n", "\n90000,45000\n");
        var bothHalves = secondHalfOnly.Replace("\n30000,", "\n30000,x");
        Should.Throw<RecordingFormatException>(() => Read(bothHalves)).Message.ShouldBe("Line 30002, column 'a': 'x15000' is not a number.");
        Should.Throw<RecordingFormatException>(() => Read(secondHalfOnly)).Message.ShouldBe("Line 90002: Expected 3 fields as in the header, found 2.");
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("\n \n", "The file is empty.")]
    [InlineData("a,b\n", "The file has a header but no data rows.")]
    [InlineData("a,b\n\n\n", "The file has a header but no data rows.")]
    [InlineData("a,b\n1,2\n3\n", "Line 3: Expected 2 fields as in the header, found 1.")]
    [InlineData("a,b\n1,2,3\n", "Line 2: Expected 2 fields as in the header, found 3.")]
    [InlineData("a,b\n1,2\n3,x4\n", "Line 3, column 'b': 'x4' is not a number.")]
    [InlineData("a,b\n1,\"2\n", "Line 2: A quoted field is not closed before the end of the line.")]
    [InlineData("a,a\n1,2\n", "Line 1, column 'a': The header names this column twice.")]
    [InlineData("a,,c\n1,2,3\n", "Line 1: Header column 2 has no name.")]
    [InlineData("time,label\n1,0\n", "Line 1: The header names no data channel.")]
    [InlineData("a,label\n1,maybe\n", "Line 2, column 'label': 'maybe' is not a label (0/1 or true/false).")]
    [InlineData("time,a\nnoon,1\n", "Line 2, column 'time': 'noon' is neither seconds nor an ISO 8601 time.")]
    [InlineData("time,a\n0.5,1\n2026-01-01T00:00:00Z,2\n", "Line 3, column 'time': '2026-01-01T00:00:00Z' is not a number of seconds like the times before it.")]
    [InlineData("time,a\n2026-01-01T00:00:00Z,1\n0.5,2\n", "Line 3, column 'time': '0.5' is not an ISO 8601 time like the times before it.")]
    [InlineData("time,a\n,1\n", "Line 2, column 'time': The time is missing.")]
    public void Rejects_broken_files_saying_where(string text, string message) =>
        Should.Throw<RecordingFormatException>(() => Read(text)).Message.ShouldBe(message);

    [Fact]
    public void An_unnamed_first_column_is_a_pandas_row_index_and_not_a_channel()
    {
        var series = Read(",a,b\n0,1.5,2\n1,3.5,4\n");

        series.Channels.ShouldBe(["a", "b"]);
        series.Values.ShouldBe([1.5f, 2f, 3.5f, 4f]);
    }

    [Fact]
    public void An_unnamed_column_after_the_first_is_still_refused()
    {
        Should.Throw<RecordingFormatException>(() => Read(",a,\n0,1,2\n")).Message.ShouldBe("Line 1: Header column 3 has no name.");
    }

    [Theory]
    [InlineData("TimestampColumn", "Line 1, column 'when': The timestamp column is not in the header.")]
    [InlineData("LabelColumn", "Line 1, column 'when': The label column is not in the header.")]
    [InlineData("ExcludeColumns", "Line 1, column 'when': The column to exclude is not in the header.")]
    public void Rejects_options_naming_columns_the_file_lacks(string option, string message)
    {
        var options = option switch
        {
            "TimestampColumn" => new RecordingReadOptions { TimestampColumn = "when" },
            "LabelColumn" => new RecordingReadOptions { LabelColumn = "when" },
            _ => new RecordingReadOptions { ExcludeColumns = new HashSet<string>(["when"]) },
        };

        Should.Throw<RecordingFormatException>(() => Read("a,b\n1,2\n", options)).Message.ShouldBe(message);
    }
}

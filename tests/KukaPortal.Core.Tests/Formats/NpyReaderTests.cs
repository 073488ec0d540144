using KukaPortal.Core.Formats;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Formats;

public class NpyReaderTests
{
    public static TheoryData<string, bool, int> EveryDtypeOrderAndVersion()
    {
        string[] descrs =
        [
            "<f2", ">f2", "<f4", ">f4", "<f8", ">f8",
            "|i1", "<i2", ">i2", "<i4", ">i4", "<i8", ">i8",
            "|u1", "<u2", ">u2", "<u4", ">u4", "<u8", ">u8", "|b1",
        ];
        var data = new TheoryData<string, bool, int>();
        foreach (var descr in descrs)
            foreach (var fortran in new[] { false, true })
                foreach (var major in new[] { 1, 2, 3 })
                    data.Add(descr, fortran, major);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDtypeOrderAndVersion))]
    public async Task Reads_every_element_type_byte_order_memory_order_and_version(string descr, bool fortran, int major)
    {
        double[] values = descr[1] switch
        {
            'f' => [1.5, -2.25, 0, 1024, -0.125, 3],
            'i' => [0, 1, -2, 100, -100, 7],
            'u' => [0, 1, 2, 100, 200, 7],
            _ => [0, 1, 1, 0, 0, 1],
        };
        var file = NpyBuilder.Array(descr, [3, 2], values, fortran, major);

        var recording = (await Read(Bytes("x.npy", file))).ShouldHaveSingleItem();

        recording.Format.ShouldBe(RecordingFormat.Npy);
        recording.Series.Rows.ShouldBe(3);
        recording.Series.Channels.ShouldBe(["ch0", "ch1"]);
        recording.Series.Values.ShouldBe(values.Select(v => (float)v).ToArray());
    }

    [Fact]
    public void Reads_a_fortran_order_array_larger_than_one_column_group()
    {
        // 3 columns of 1,500,000 float64 are 36 MB: two columns fill the 32 MiB group, the third comes in a second one.
        const int rows = 1_500_000, columns = 3;
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++) values[i] = i % 1000;

        var matrix = NpyReader.ReadMatrix(new MemoryStream(NpyBuilder.Array("<f8", [rows, columns], values, fortran: true)), cancellationToken: Ct);

        var expected = new float[values.Length];
        for (var i = 0; i < values.Length; i++) expected[i] = (float)values[i];
        matrix.Values.AsSpan().SequenceEqual(expected).ShouldBeTrue();
    }

    [Fact]
    public async Task Reads_a_one_dimensional_array_as_one_channel()
    {
        var series = (await Read(Bytes("x.npy", NpyBuilder.Array("<f8", [4], [1, 2, 3, 4])))).Single().Series;

        series.Channels.ShouldBe(["ch0"]);
        series.Values.ShouldBe([1f, 2f, 3f, 4f]);
    }

    [Fact]
    public async Task Reads_a_stream_that_cannot_seek()
    {
        var series = (await Read(ForwardOnly("x.npy", NpyBuilder.Array("<f4", [2, 2], [1, 2, 3, 4])))).Single().Series;

        series.Values.ShouldBe([1f, 2f, 3f, 4f]);
    }

    [Theory]
    [InlineData("<U12")]
    [InlineData(">U12")]
    [InlineData("|S12")]
    public async Task Names_channels_from_a_companion_string_array(string descr)
    {
        var recording = (await Read(
            Bytes("runColumnNames.npy", NpyBuilder.Strings(descr, ["axis 1 °", "A2_current"])),
            Bytes("run.npy", NpyBuilder.Array("<f4", [1, 2], [1, 2])))).ShouldHaveSingleItem();

        recording.Series.Channels.ShouldBe(descr[1] == 'S' ? ["axis 1 ?", "A2_current"] : ["axis 1 °", "A2_current"]);
        recording.Notes.ShouldBe(["Channel names from 'runColumnNames.npy'."]);
    }

    [Fact]
    public async Task Round_trips_the_writers_float_matrix_and_names()
    {
        var source = Sample(5, 3, times: false, labels: false);
        var names = new MemoryStream();
        NpyWriter.WriteStrings(names, ["Ä1", "b", "c🙂"]);
        var data = new MemoryStream();
        NpyWriter.WriteMatrix(data, source.Values, source.Rows, source.ChannelCount);

        var series = (await Read(Bytes("columns.npy", names.ToArray()), Bytes("data.npy", data.ToArray()))).Single().Series;

        series.Channels.ShouldBe(["Ä1", "b", "c🙂"]);
        series.Values.ShouldBe(source.Values);
        (data.Length % 64).ShouldBe(5 * 3 * 4 % 64, "the data starts at a multiple of 64 bytes, as NumPy writes it");
    }

    [Fact]
    public async Task Takes_time_and_label_columns_only_when_named_in_the_options()
    {
        var files = new[]
        {
            Bytes("columns.npy", NpyBuilder.Strings("<U5", ["time", "a", "label"])),
            Bytes("data.npy", NpyBuilder.Array("<f8", [2, 3], [0, 5, 1, 0.5, 6, 0])),
        };

        var plain = (await RecordingFileReader.ReadAsync(files, cancellationToken: Ct)).Single().Series;
        var named = (await RecordingFileReader.ReadAsync(files, new RecordingReadOptions { TimestampColumn = "time", LabelColumn = "label" }, cancellationToken: Ct)).Single().Series;

        plain.Channels.ShouldBe(["time", "a", "label"]);
        named.Channels.ShouldBe(["a"]);
        named.Values.ShouldBe([5f, 6f]);
        named.Timestamps.ShouldBe([0, 0.5]);
        named.Labels.ShouldBe([true, false]);
    }

    [Fact]
    public async Task Refuses_an_absurd_shape_before_allocating()
    {
        var file = NpyBuilder.WithHeaderText(NpyBuilder.Dictionary("<f4", [1_000_000, 1_000_000]), new byte[16]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Should.Throw<RecordingFormatException>(() => NpyReader.ReadMatrix(new MemoryStream(file), cancellationToken: Ct));

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1 << 20);
        error.Message.ShouldBe("The array declares 1,000,000,000,000 values, shape (1000000, 1000000), more than the limit of 268,435,456.");
    }

    [Fact]
    public void Honours_a_configured_limit() =>
        Should.Throw<RecordingFormatException>(() => NpyReader.ReadMatrix(
                new MemoryStream(NpyBuilder.Array("<f4", [4, 3], new double[12])), new ReadLimits { MaxValues = 10 }, Ct))
            .Message.ShouldBe("The array declares 12 values, shape (4, 3), more than the limit of 10.");

    [Fact]
    public async Task Refuses_a_truncated_stream_of_unknown_length_with_the_bytes_found()
    {
        var file = NpyBuilder.Array("<f8", [3, 2], new double[6]);

        var error = await Failure(null, ForwardOnly("x.npy", file[..^5]));

        error.Message.ShouldBe("x.npy: The data is truncated: expected 48 bytes after the header, found 43.");
    }

    [Fact]
    public async Task Refuses_a_names_file_that_does_not_fit_the_array()
    {
        var error = await Failure(null,
            Bytes("KukaColumnNames.npy", NpyBuilder.Strings("<U1", ["a", "b", "c"])),
            Bytes("KukaNormal.npy", NpyBuilder.Array("<f4", [1, 2], [1, 2])));

        error.Message.ShouldBe("KukaNormal.npy: 'KukaColumnNames.npy' names 3 channels, but the array has 2 columns.");
        error.Kind.ShouldBe(RecordingErrorKind.ChannelNames);
    }
}

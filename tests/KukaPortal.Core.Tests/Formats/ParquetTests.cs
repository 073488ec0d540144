using KukaPortal.Core.Formats;
using Parquet;
using Parquet.Schema;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Formats;

public class ParquetTests
{
    [Fact]
    public async Task Round_trips_a_series_across_several_row_groups()
    {
        var source = Sample(25, 3);
        var file = new MemoryStream();
        await ParquetRecordingWriter.WriteAsync(file, source, rowGroupRows: 10, Ct);

        var recording = (await Read(Bytes("run.parquet", file.ToArray()))).Single();

        recording.Format.ShouldBe(RecordingFormat.Parquet);
        recording.Series.Channels.ShouldBe(source.Channels);
        recording.Series.Values.ShouldBe(source.Values);
        recording.Series.Timestamps.ShouldBe(source.Timestamps);
        recording.Series.Labels.ShouldBe(source.Labels);
    }

    [Fact]
    public async Task Reads_every_numeric_type_date_times_nulls_and_integer_labels_and_skips_text()
    {
        var time = new DataField<DateTime>("time");
        var fields = new Field[]
        {
            time, new DataField<double?>("d"), new DataField<int>("i"), new DataField<long>("l"), new DataField<decimal>("m"),
            new DataField<short>("s"), new DataField<byte>("u8"), new DataField<bool>("flag"), new DataField<string>("program"),
            new DataField<int>("anomaly"),
        };
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var file = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file, cancellationToken: Ct))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>(time, new[] { start, start.AddMilliseconds(4), start.AddMilliseconds(8) }, cancellationToken: Ct);
            await group.WriteAsync<double>((DataField)fields[1], new double?[] { 1.5, null, -2 }, cancellationToken: Ct);
            await group.WriteAsync<int>((DataField)fields[2], new[] { 1, 2, 3 }, cancellationToken: Ct);
            await group.WriteAsync<long>((DataField)fields[3], new[] { 10L, 20, 30 }, cancellationToken: Ct);
            await group.WriteAsync<decimal>((DataField)fields[4], new[] { 0.25m, 0.5m, 0.75m }, cancellationToken: Ct);
            await group.WriteAsync<short>((DataField)fields[5], new short[] { -1, 0, 1 }, cancellationToken: Ct);
            await group.WriteAsync<byte>((DataField)fields[6], new byte[] { 7, 8, 9 }, cancellationToken: Ct);
            await group.WriteAsync<bool>((DataField)fields[7], new[] { true, false, true }, cancellationToken: Ct);
            await group.WriteAsync((DataField)fields[8], new[] { "a", "b", "c" });
            await group.WriteAsync<int>((DataField)fields[9], new[] { 0, 1, 0 }, cancellationToken: Ct);
        }

        var recording = (await Read(Bytes("plant.parquet", file.ToArray()))).Single();

        recording.Series.Channels.ShouldBe(["d", "i", "l", "m", "s", "u8", "flag"]);
        recording.Series.Values.ShouldBe([1.5f, 1, 10, 0.25f, -1, 7, 1, float.NaN, 2, 20, 0.5f, 0, 8, 0, -2, 3, 30, 0.75f, 1, 9, 1]);
        recording.Series.Timestamps.ShouldBe([0, 0.004, 0.008]);
        recording.Series.Labels.ShouldBe([false, true, false]);
        recording.Notes.ShouldBe(["Column 'program' holds text and was skipped."]);
    }

    [Fact]
    public async Task Refuses_a_label_column_that_is_not_zero_or_one()
    {
        var (channel, label) = (new DataField<float>("a"), new DataField<int>("label"));
        var file = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(channel, label), file, cancellationToken: Ct))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<float>(channel, new[] { 1f, 2f }, cancellationToken: Ct);
            await group.WriteAsync<int>(label, new[] { 1, 2 }, cancellationToken: Ct);
        }

        var error = await Failure(null, Bytes("x.parquet", file.ToArray()));

        error.Message.ShouldBe("x.parquet, column 'label': Row 2 holds 2, which is not a label (0/1 or true/false).");
    }

    [Fact]
    public async Task Refuses_a_damaged_file_with_one_clear_message()
    {
        var file = new MemoryStream();
        await ParquetRecordingWriter.WriteAsync(file, Sample(3, 2), cancellationToken: Ct);
        var bytes = file.ToArray();

        var error = await Failure(null, Bytes("x.parquet", bytes[..^12]));

        error.Kind.ShouldBe(RecordingErrorKind.Malformed);
        error.Message.ShouldStartWith("x.parquet: The Parquet file cannot be read: ");
    }
}

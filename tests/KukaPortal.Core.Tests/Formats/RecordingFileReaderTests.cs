using KukaPortal.Core.Formats;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Formats;

public class RecordingFileReaderTests
{
    [Fact]
    public async Task Trusts_magic_bytes_over_the_extension()
    {
        var parquet = new MemoryStream();
        await ParquetRecordingWriter.WriteAsync(parquet, Sample(2, 1), cancellationToken: Ct);

        var recordings = await Read(Bytes("array.csv", NpyBuilder.Array("<f4", [1, 1], [7])), Bytes("table.bin", parquet.ToArray()));

        recordings.Select(r => r.Format).ShouldBe([RecordingFormat.Npy, RecordingFormat.Parquet]);
    }

    [Fact]
    public async Task Reads_files_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kukaportal-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "a\n1\n", Ct);
        try
        {
            (await Read(SourceFile.FromPath(path))).Single().Series.Values.ShouldBe([1f]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Throws_the_first_failure_naming_its_file()
    {
        var error = await Should.ThrowAsync<RecordingFormatException>(() => Read(Text("good.csv", "a\n1\n"), Text("bad.csv", "a\nx\n")));

        error.Message.ShouldBe("bad.csv, line 2, column 'a': 'x' is not a number.");
        error.SourceName.ShouldBe("bad.csv");
        (error.Line, error.Column, error.Problem).ShouldBe((2L, "a", "'x' is not a number."));
    }

    [Fact]
    public async Task Refuses_an_upload_with_nothing_to_read() =>
        (await Should.ThrowAsync<RecordingFormatException>(() => Read(Bytes("empty.zip", Zip(("notes.md", Utf8("hi")))))))
            .Message.ShouldBe("The upload holds no recording.");

    [Fact]
    public async Task Leaves_out_a_names_file_that_names_no_array()
    {
        var batch = await ReadEach(null, Bytes("upload.zip", Zip(("a/columns.npy", NpyBuilder.Strings("<U1", ["a"])), ("b/run.npy", NpyBuilder.Array("<f4", [1], [1])))));

        batch.Recordings.ShouldHaveSingleItem().Series.Channels.ShouldBe(["ch0"]);
        batch.Skipped.ShouldHaveSingleItem().ShouldBe(new SkippedFile("upload.zip/a/columns.npy", "It holds channel names, but no array in its folder has a matching name."));
    }
}

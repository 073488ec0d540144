using System.Buffers.Binary;
using System.IO.Compression;
using KukaPortal.Core.Formats;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Formats;

public class ZipTests
{
    private static readonly byte[] Csv = Utf8("a,b\n1,2\n");

    [Fact]
    public async Task Reads_every_format_from_folders_and_skips_metadata_and_unknown_files()
    {
        var parquet = new MemoryStream();
        await ParquetRecordingWriter.WriteAsync(parquet, Sample(4, 2), cancellationToken: Ct);
        var zip = Zip(
            ("runs/2026/", []),
            ("runs/2026/first.csv", Csv),
            ("runs/second.tsv", Utf8("a\tb\n3\t4\n")),
            ("third.npy", NpyBuilder.Array("<f8", [1, 2], [5, 6])),
            ("fourth.parquet", parquet.ToArray()),
            ("__MACOSX/runs/._first.csv", [1, 2, 3]),
            (".DS_Store", [0]),
            ("readme.md", Utf8("# runs")));

        var batch = await ReadEach(null, Bytes("upload.zip", zip));

        batch.Failures.ShouldBeEmpty();
        batch.Recordings.Select(r => (r.Name, r.SourceName, r.Format)).ShouldBe([
            ("first", "upload.zip/runs/2026/first.csv", RecordingFormat.Csv),
            ("second", "upload.zip/runs/second.tsv", RecordingFormat.Csv),
            ("third", "upload.zip/third.npy", RecordingFormat.Npy),
            ("fourth", "upload.zip/fourth.parquet", RecordingFormat.Parquet),
        ]);
        batch.Recordings[2].Series.Values.ShouldBe([5f, 6f]);
        batch.Skipped.Select(s => (s.SourceName, s.Reason)).ShouldBe([
            ("upload.zip/__MACOSX/runs/._first.csv", "It is macOS metadata."),
            ("upload.zip/.DS_Store", "It is a hidden file."),
            ("upload.zip/readme.md", "It is not a recording format (CSV, TSV, NPY or Parquet)."),
        ]);
    }

    [Fact]
    public async Task Names_recordings_that_share_a_stem_by_their_path()
    {
        var batch = await ReadEach(null, Bytes("upload.zip", Zip(("x/run.csv", Csv), ("y/run.csv", Csv), ("y/run.tsv", Utf8("a\tb\n1\t2\n")))));

        batch.Recordings.Select(r => r.Name).ShouldBe(["upload.zip/x/run", "upload.zip/y/run.csv", "upload.zip/y/run.tsv"]);
    }

    [Fact]
    public async Task Names_the_entry_that_failed_and_still_reads_the_others()
    {
        var batch = await ReadEach(null, Bytes("upload.zip", Zip(("good.csv", Csv), ("bad.csv", Utf8("a,b\n1,x\n")))));

        batch.Recordings.ShouldHaveSingleItem().Name.ShouldBe("good");
        batch.Failures.ShouldHaveSingleItem().Error.Message.ShouldBe("upload.zip/bad.csv, line 2, column 'b': 'x' is not a number.");
    }

    [Theory]
    [InlineData("../evil.csv", "Entry '../evil.csv' points outside the archive (../); the archive is refused.")]
    [InlineData("runs/../../evil.csv", "Entry 'runs/../../evil.csv' points outside the archive (../); the archive is refused.")]
    [InlineData("..\\evil.csv", "Entry '..\\evil.csv' points outside the archive (../); the archive is refused.")]
    [InlineData("/etc/evil.csv", "Entry '/etc/evil.csv' has an absolute path; the archive is refused.")]
    [InlineData("C:/evil.csv", "Entry 'C:/evil.csv' has an absolute path; the archive is refused.")]
    [InlineData("inner.zip", "Entry 'inner.zip' is itself a zip archive; nested archives are not imported; the archive is refused.")]
    public async Task Refuses_archives_with_entries_that_could_escape(string entryName, string message)
    {
        var error = await Failure(null, Bytes("upload.zip", Zip(("good.csv", Csv), (entryName, Csv))));

        error.Message.ShouldBe("upload.zip: " + message);
        error.Kind.ShouldBe(RecordingErrorKind.UnsafeArchive);
    }

    [Fact]
    public async Task Refuses_a_nested_archive_found_only_by_its_magic_bytes_and_takes_back_what_was_read()
    {
        var error = await Failure(null, Bytes("upload.zip", Zip(("good.csv", Csv), ("inner.dat", Zip(("x.csv", Csv))))));

        error.Message.ShouldBe("upload.zip: Entry 'inner.dat' is itself a zip archive; nested archives are not imported; the archive is refused.");
    }

    [Fact]
    public async Task Refuses_symbolic_links()
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var link = archive.CreateEntry("link.csv");
            link.ExternalAttributes = unchecked((int)0xA1FF_0000);
            using var stream = link.Open();
            stream.Write(Utf8("/etc/passwd"));
        }

        var error = await Failure(null, Bytes("upload.zip", buffer.ToArray()));

        error.Message.ShouldBe("upload.zip: Entry 'link.csv' is a symbolic link; the archive is refused.");
    }

    [Fact]
    public async Task Refuses_a_zip_bomb_from_its_compression_ratio_before_inflating()
    {
        var zeros = Zip(("zeros.csv", new byte[2 << 20]));

        var error = await Failure(null, Bytes("bomb.zip", zeros));

        error.Message.ShouldMatch(@"^bomb\.zip: Entry 'zeros\.csv' would inflate [\d,]+ times \(from [\d,]+ to 2,097,152 bytes\), more than the limit of 200; the archive is refused\.$");
    }

    [Fact]
    public async Task Refuses_archives_over_the_entry_count_or_total_size_limits()
    {
        var zip = Zip(("a.csv", Csv), ("b.csv", Csv), ("c.csv", Csv));

        (await Failure(new ReadLimits { MaxArchiveEntries = 2 }, Bytes("many.zip", zip)))
            .Message.ShouldBe("many.zip: The archive lists 3 entries, more than the limit of 2.");
        (await Failure(new ReadLimits { MaxArchiveBytes = 20 }, Bytes("big.zip", zip)))
            .Message.ShouldBe("big.zip: The archive would inflate to more than 20 bytes, the limit.");
    }

    [Fact]
    public async Task Stops_a_stored_entry_that_holds_more_than_its_header_declares()
    {
        var zip = Zip(CompressionLevel.NoCompression, ("a.csv", Utf8("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 100)))));
        DeclareUncompressedSize(zip, 40);

        var error = await Failure(null, Bytes("liar.zip", zip));

        error.Message.ShouldBe("liar.zip: Entry 'a.csv' inflates to more than the 40 bytes its header declares; the archive is refused.");
    }

    [Fact]
    public async Task Refuses_a_compressed_entry_cut_short_by_a_lying_size_header_from_its_checksum()
    {
        var zip = Zip(("good.csv", Csv), ("a.csv", Utf8("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 100)))));
        DeclareUncompressedSize(zip, 40);

        var error = await Failure(null, Bytes("liar.zip", zip));

        error.Message.ShouldBe("liar.zip: Entry 'a.csv' does not match its checksum (damaged, or its header lies about its size); the archive is refused.");
    }

    /// <summary>Overwrites the uncompressed size of the last entry in its local header and the central directory, as a hostile archive would.</summary>
    private static void DeclareUncompressedSize(byte[] zip, uint size)
    {
        int local = -1, central = -1;
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50) local = i;
            if (signature == 0x02014b50) central = i;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), size);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), size);
    }
}

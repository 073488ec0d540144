using System.IO.Compression;
using System.Security.Cryptography;
using KukaPortal.Core.Images;
using static KukaPortal.Core.Tests.Images.ImageCorpus;
using static KukaPortal.Core.Tests.Images.TestImages;

namespace KukaPortal.Core.Tests.Images;

public class ImageSetReaderTests
{
    [Fact]
    public void Reads_an_mvtec_zip_with_roles_labels_masks_and_the_archive_hash()
    {
        var zip = Zip(Mvtec());

        var import = ImageSetReader.ReadZip(new MemoryStream(zip), "set.zip", Options(), TestContext.Current.CancellationToken);

        var set = import.Set;
        set.Layout.ShouldBe(ImageSetLayout.Mvtec);
        (set.Size, set.Channels).ShouldBe((2, 1));
        set.Items.Select(i => (i.Path, i.Role, i.Label, HasMask: i.Mask is not null)).ShouldBe([
            ("train/good/000.png", ImageRole.Train, "good", false),
            ("train/good/001.png", ImageRole.Train, "good", false),
            ("test/good/000.png", ImageRole.Test, "good", false),
            ("test/scratch/000.png", ImageRole.Test, "scratch", true),
        ]);
        set.Items[3].Image.Pixels.ShouldBe(Values(10, 250, 30, 40));
        set.Items[3].Mask!.Pixels.ShouldBe([0, 1, 0, 0]);
        set.Items[3].IsDefect.ShouldBeTrue();
        import.Skipped.ShouldBeEmpty();
        import.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(zip)));
    }

    [Fact]
    public void Reads_and_hashes_a_zip_that_arrives_as_a_forward_only_stream_and_lists_macos_metadata_as_skipped()
    {
        var zip = Zip([.. Mvtec(), ("__MACOSX/train/good/._000.png", [0, 5, 22])]);

        var import = ImageSetReader.ReadZip(new ForwardOnlyStream(zip), "set.zip", Options(), TestContext.Current.CancellationToken);

        import.Set.Items.Count.ShouldBe(4);
        import.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(zip)));
        import.Skipped.ShouldBe([new("__MACOSX/train/good/._000.png", "It is macOS metadata.")]);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }

    [Fact]
    public void Reads_an_mvtec_zip_packed_inside_one_category_folder()
    {
        var import = ReadZip(null, Mvtec("magnetic_tile/"));

        import.Set.Layout.ShouldBe(ImageSetLayout.Mvtec);
        import.Set.Items.Select(i => (i.Path, i.Label)).Last().ShouldBe(("magnetic_tile/test/scratch/000.png", "scratch"));
        import.Set.Items.Last().Mask.ShouldNotBeNull();
    }

    [Fact]
    public void Reads_the_same_set_from_a_folder_as_from_a_zip()
    {
        using var folder = new TempFolder();
        WriteFolder(folder.Path, Mvtec());

        var fromFolder = ImageSetReader.ReadFolder(folder.Path, Options(), TestContext.Current.CancellationToken);
        var fromZip = ReadZip(null, Mvtec());

        fromFolder.Sha256.ShouldBeNull();
        fromFolder.Set.Layout.ShouldBe(ImageSetLayout.Mvtec);
        fromFolder.Set.Items.Select(i => (i.Path, i.Role, i.Label)).ShouldBe(fromZip.Set.Items.Select(i => (i.Path, i.Role, i.Label)));
        for (var i = 0; i < fromZip.Set.Items.Count; i++)
        {
            fromFolder.Set.Items[i].Image.Pixels.ShouldBe(fromZip.Set.Items[i].Image.Pixels);
            fromFolder.Set.Items[i].Mask?.Pixels.ShouldBe(fromZip.Set.Items[i].Mask!.Pixels);
        }
    }

    [Fact]
    public void Reads_a_flat_folder_as_one_role_with_the_valid_rectangle_of_each_image()
    {
        using var folder = new TempFolder();
        WriteFolder(folder.Path, ("a.png", GreyPng([10, 20, 30, 40], [50, 60, 70, 80])), ("sub/b.bmp", Bmp(4, 4, (_, _) => (9, 9, 9))));

        var asTrain = ImageSetReader.ReadFolder(folder.Path, Options(4), TestContext.Current.CancellationToken);
        var asTest = ImageSetReader.ReadFolder(folder.Path, Options(4) with { FlatRole = ImageRole.Test }, TestContext.Current.CancellationToken);

        asTrain.Set.Layout.ShouldBe(ImageSetLayout.Flat);
        asTrain.Set.Items.Select(i => (i.Path, i.Role, i.Label, i.Valid)).ShouldBe([
            ("a.png", ImageRole.Train, "good", new PixelRect(0, 1, 4, 2)),
            ("sub/b.bmp", ImageRole.Train, "good", new PixelRect(0, 0, 4, 4)),
        ]);
        asTest.Set.Items.Select(i => (i.Role, i.Label)).ShouldAllBe(x => x.Role == ImageRole.Test && x.Label == null);
    }

    [Fact]
    public void Reads_a_flat_zip()
    {
        var import = ReadZip(null, ("one.png", Good0), ("two.png", Good1));

        import.Set.Layout.ShouldBe(ImageSetLayout.Flat);
        import.Set.Items.Select(i => i.Path).ShouldBe(["one.png", "two.png"]);
    }

    [Fact]
    public void Lists_a_corrupt_entry_and_a_non_image_as_skipped_and_keeps_the_rest()
    {
        var import = ReadZip(null, [.. Mvtec(), ("train/good/002.png", Good0[..40]), ("test/good/notes.txt", "checked by Anna"u8.ToArray())]);

        import.Set.Items.Count.ShouldBe(4);
        import.Skipped.Select(s => s.SourceName).ShouldBe(["train/good/002.png", "test/good/notes.txt"], ignoreOrder: true);
        import.Skipped.Single(s => s.SourceName == "train/good/002.png").Reason.ShouldStartWith("The PNG image cannot be decoded:");
        import.Skipped.Single(s => s.SourceName == "test/good/notes.txt").Reason.ShouldBe("The file is not an image (PNG, JPEG or BMP are read).");
    }

    [Fact]
    public void Lists_a_mask_without_an_image_and_training_images_that_are_not_good()
    {
        var import = ReadZip(null, [.. Mvtec(), ("ground_truth/crack/005_mask.png", ScratchMask), ("train/crack/000.png", Scratch)]);

        import.Set.Items.Count.ShouldBe(4);
        import.Skipped.ShouldBe([
            new("ground_truth/crack/005_mask.png", "It is a mask without an image: no test/<label>/ image has its name (without _mask)."),
            new("train/crack/000.png", "Training images must be defect-free; only train/good/ is read, not train/crack/."),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("../evil.png", "Entry '../evil.png' points outside the archive (../); the archive is refused.")]
    [InlineData("train/good/../../evil.png", "Entry 'train/good/../../evil.png' points outside the archive (../); the archive is refused.")]
    [InlineData("/etc/evil.png", "Entry '/etc/evil.png' has an absolute path; the archive is refused.")]
    [InlineData("train/good/inner.zip", "Entry 'train/good/inner.zip' is itself a zip archive; nested archives are not imported; the archive is refused.")]
    public void Refuses_an_archive_with_an_unsafe_entry_name(string name, string reason)
    {
        var error = Refused(null, [.. Mvtec(), (name, Good0)]);

        error.Errors.ShouldBe([reason]);
    }

    [Fact]
    public void Refuses_a_nested_zip_disguised_as_an_image()
    {
        var error = Refused(null, [.. Mvtec(), ("train/good/002.png", Zip(("inner.png", Good0)))]);

        error.Errors.ShouldBe(["'train/good/002.png' is a zip archive; nested archives are not imported."]);
    }

    [Fact]
    public void Refuses_a_symbolic_link_entry()
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var link = archive.CreateEntry("train/good/link.png");
            link.ExternalAttributes = unchecked((int)0xA1FF_0000);
            using var stream = link.Open();
            stream.Write("/etc/passwd"u8);
        }
        buffer.Position = 0;

        var error = Should.Throw<ImageSetException>(() => ImageSetReader.ReadZip(buffer, "set.zip", Options(), TestContext.Current.CancellationToken));

        error.Errors.ShouldBe(["Entry 'train/good/link.png' is a symbolic link; the archive is refused."]);
    }

    [Fact]
    public void Refuses_a_folder_holding_a_symbolic_link()
    {
        using var folder = new TempFolder();
        WriteFolder(folder.Path, Mvtec());
        File.CreateSymbolicLink(Path.Combine(folder.Path, "train", "good", "002.png"), "/etc/passwd");

        var error = Should.Throw<ImageSetException>(() => ImageSetReader.ReadFolder(folder.Path, Options(), TestContext.Current.CancellationToken));

        error.Errors.ShouldBe(["'train/good/002.png' is a symbolic link; links are refused because they can point outside the set."]);
    }

    [Fact]
    public void Refuses_more_entries_than_the_limit()
    {
        var error = Refused(Options() with { MaxEntries = 4 }, Mvtec());

        error.Errors.ShouldBe(["The archive lists 5 entries, more than the limit of 4."]);
    }

    [Fact]
    public void Refuses_more_bytes_in_total_than_the_limit()
    {
        var total = Mvtec().Sum(e => e.Content.Length);

        var error = Refused(Options() with { MaxTotalBytes = total - 1 }, Mvtec());

        error.Errors.ShouldBe([$"The archive would inflate to more than {total - 1:N0} bytes, the limit."]);
    }

    [Fact]
    public void Counts_the_bytes_actually_read_and_refuses_an_entry_holding_more_than_its_header_declares()
    {
        var zip = Zip(CompressionLevel.NoCompression, [.. Mvtec(), ("train/good/002.png", Good0)]);
        DeclareLastEntrySize(zip, 20);

        var error = Should.Throw<ImageSetException>(() => ImageSetReader.ReadZip(new MemoryStream(zip), "set.zip", Options(), TestContext.Current.CancellationToken));

        error.Errors.ShouldBe(["Entry 'train/good/002.png' inflates to more than the 20 bytes its header declares; the archive is refused."]);
    }

    [Fact]
    public void Refuses_an_entry_that_compresses_suspiciously_well()
    {
        var error = Refused(Options() with { RatioCheckFloorBytes = 1024 }, [.. Mvtec(), ("train/good/bomb.png", new byte[200_000])]);

        error.Errors.ShouldHaveSingleItem().ShouldStartWith("Entry 'train/good/bomb.png' would inflate ");
        error.Errors[0].ShouldEndWith("more than the limit of 100; the archive is refused.");
    }

    [Fact]
    public void Refuses_an_image_declaring_more_pixels_than_the_limit_and_names_it()
    {
        var error = Refused(null, [.. Mvtec(), ("test/good/huge.png", PngDeclaring(20_000, 20_000))]);

        error.Errors.ShouldBe(["'test/good/huge.png': The image declares 20,000 × 20,000 = 400,000,000 pixels, more than the limit of 100,000,000."]);
    }

    [Fact]
    public void Refuses_a_set_without_images()
    {
        var onlyText = Refused(null, ("readme.txt", "nothing here"u8.ToArray()));
        var empty = Refused(null);

        onlyText.Errors.ShouldBe(["The set holds no readable image (1 file(s) left out); PNG, JPEG and BMP are read."]);
        empty.Errors.ShouldBe(["The set holds no readable image (0 file(s) left out); PNG, JPEG and BMP are read."]);
    }

    [Fact]
    public void Refuses_an_mvtec_set_without_training_images()
    {
        var error = Refused(null, ("test/good/000.png", TestGood), ("test/scratch/000.png", Scratch));

        error.Errors.ShouldBe(["The set is in MVTec AD layout but has no defect-free training images in train/good/."]);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_zip()
    {
        var error = Should.Throw<ImageSetException>(() =>
            ImageSetReader.ReadZip(new MemoryStream(Good0), "set.zip", Options(), TestContext.Current.CancellationToken));

        error.Errors.ShouldHaveSingleItem().ShouldStartWith("The zip archive cannot be read:");
    }
}

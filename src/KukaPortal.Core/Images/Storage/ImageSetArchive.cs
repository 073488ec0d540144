using System.IO.Compression;
using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>
/// How the portal stores an imported image set: one NumPy <c>.npz</c> (as <see cref="NpzSeries"/> stores
/// recordings), readable with <c>numpy.load</c>. Entries: <c>images</c> uint8 [N, C, S, S]; <c>masks</c>
/// uint8 [N, S, S] of 0/1 with <c>has_mask</c> bool [N]; <c>paths</c>, <c>roles</c> ("train"/"test"),
/// <c>labels</c> ("" where unknown) as strings [N]; <c>valid</c> int32 [N, 4] (x, y, width, height);
/// <c>layout</c> ["mvtec"|"flat"].
/// Pixels are uint8, not float32: the files they come from hold 8-bit values and the decoder rounds to
/// 8-bit steps, so nothing is lost, the file is 4× smaller, and a set reads back bit for bit.
/// The zip is deflated (unlike recordings): image bytes compress well enough and sets are read rarely.
/// </summary>
public static class ImageSetArchive
{
    public static void Write(Stream stream, ImageSet set)
    {
        var (n, c, s) = ((long)set.Items.Count, set.Channels, set.Size);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var images = new byte[n * c * s * s];
        var masks = new byte[n * s * s];
        var hasMask = new bool[n];
        var valid = new int[n * 4];
        for (var i = 0; i < set.Items.Count; i++)
        {
            var item = set.Items[i];
            var pixels = item.Image.Pixels;
            var offset = i * c * s * s;
            for (var p = 0; p < pixels.Length; p++) images[offset + p] = (byte)MathF.Round(Math.Clamp(pixels[p], 0f, 1f) * 255f);
            if (item.Mask is { } mask)
            {
                hasMask[i] = true;
                for (var p = 0; p < mask.Pixels.Length; p++) masks[i * s * s + p] = mask.Pixels[p] >= 0.5f ? (byte)1 : (byte)0;
            }
            (valid[4 * i], valid[4 * i + 1], valid[4 * i + 2], valid[4 * i + 3]) = (item.Valid.X, item.Valid.Y, item.Valid.Width, item.Valid.Height);
        }

        Entry(zip, "images", st => NpyBytes.Write(st, NpyBytes.UInt8, [n, c, s, s], images));
        Entry(zip, "masks", st => NpyBytes.Write(st, NpyBytes.UInt8, [n, s, s], masks));
        Entry(zip, "has_mask", st => NpyVectors.WriteBools(st, hasMask));
        Entry(zip, "valid", st => NpyBytes.WriteInts(st, [n, 4], valid));
        Entry(zip, "paths", st => NpyWriter.WriteStrings(st, set.Items.Select(i => i.Path).ToArray()));
        Entry(zip, "roles", st => NpyWriter.WriteStrings(st, set.Items.Select(i => RoleName(i.Role)).ToArray()));
        Entry(zip, "labels", st => NpyWriter.WriteStrings(st, set.Items.Select(i => i.Label ?? "").ToArray()));
        Entry(zip, "layout", st => NpyWriter.WriteStrings(st, [set.Layout == ImageSetLayout.Mvtec ? "mvtec" : "flat"]));
    }

    public static ImageSet Read(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var paths = Open(zip, "paths", st => NpyReader.ReadStrings(st));
        var n = (long)paths.Count;
        var imagesHeader = Open(zip, "images", NpyHeader.Read);
        if (imagesHeader.Shape.Count != 4 || imagesHeader.Shape[2] != imagesHeader.Shape[3])
            throw Malformed($"'images' has shape {imagesHeader.ShapeText}; expected (N, C, S, S).");
        var (c, s) = (imagesHeader.Shape[1], imagesHeader.Shape[2]);
        var images = Open(zip, "images", st => NpyBytes.Read(st, "images", NpyBytes.UInt8, [n, c, s, s]));
        var masks = Open(zip, "masks", st => NpyBytes.Read(st, "masks", NpyBytes.UInt8, [n, s, s]));
        var hasMask = Open(zip, "has_mask", NpyVectors.ReadBools);
        var valid = Open(zip, "valid", st => NpyBytes.ReadInts(st, "valid", [n, 4]));
        var roles = Open(zip, "roles", st => NpyReader.ReadStrings(st));
        var labels = Open(zip, "labels", st => NpyReader.ReadStrings(st));
        var layout = Open(zip, "layout", st => NpyReader.ReadStrings(st)).SingleOrDefault() switch
        {
            "mvtec" => ImageSetLayout.Mvtec,
            "flat" => ImageSetLayout.Flat,
            var other => throw Malformed($"'layout' is '{other}'; expected 'mvtec' or 'flat'."),
        };
        if (hasMask.Length != n || roles.Count != n || labels.Count != n)
            throw Malformed($"'paths' lists {n} images but 'has_mask', 'roles' or 'labels' another number.");

        var (plane, size) = ((int)(s * s), (int)s);
        var items = new ImageSetItem[n];
        for (var i = 0; i < n; i++)
        {
            var pixels = new float[c * plane];
            for (var p = 0; p < pixels.Length; p++) pixels[p] = images[i * pixels.Length + p] / 255f;
            PlanarImage? mask = null;
            if (hasMask[i])
            {
                var maskPixels = new float[plane];
                for (var p = 0; p < plane; p++) maskPixels[p] = masks[i * plane + p];
                mask = new PlanarImage(1, size, size, maskPixels);
            }
            var role = roles[i] switch
            {
                "train" => ImageRole.Train,
                "test" => ImageRole.Test,
                var other => throw Malformed($"'roles' holds '{other}'; expected 'train' or 'test'."),
            };
            var rect = new PixelRect(valid[4 * i], valid[4 * i + 1], valid[4 * i + 2], valid[4 * i + 3]);
            items[i] = new ImageSetItem(paths[i], role, labels[i].Length == 0 ? null : labels[i], new PlanarImage((int)c, size, size, pixels), mask, rect);
        }
        return new ImageSet(items, size, (int)c, layout);
    }

    private static string RoleName(ImageRole role) => role == ImageRole.Train ? "train" : "test";

    private static void Entry(ZipArchive zip, string name, Action<Stream> write)
    {
        using var entry = zip.CreateEntry(name + ".npy", CompressionLevel.Fastest).Open();
        write(entry);
    }

    private static T Open<T>(ZipArchive zip, string name, Func<Stream, T> read)
    {
        var entry = zip.GetEntry(name + ".npy") ?? throw Malformed($"It has no '{name}.npy'.");
        using var stream = entry.Open();
        return read(stream);
    }

    private static RecordingFormatException Malformed(string problem) =>
        new(RecordingErrorKind.Malformed, "The stored image set cannot be read: " + problem);
}

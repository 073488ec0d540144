using System.Buffers.Binary;
using System.IO.Compression;
using KukaPortal.Core.Images;
using SkiaSharp;

namespace KukaPortal.Core.Tests.Images;

/// <summary>Tiny hand-made image files whose every pixel value the tests know.</summary>
internal static class TestImages
{
    /// <summary>A grey PNG; <paramref name="rows"/> are 8-bit values, one array per row.</summary>
    public static byte[] GreyPng(params byte[][] rows) => ImageEncoder.Png(Grey(rows));

    public static PlanarImage Grey(params byte[][] rows) =>
        new(1, rows.Length, rows[0].Length, rows.SelectMany(r => r).Select(v => v / 255f).ToArray());

    /// <summary>An RGB PNG of one row of (r, g, b) pixels.</summary>
    public static byte[] RgbPng(params (byte R, byte G, byte B)[] row)
    {
        var plane = row.Length;
        var pixels = new float[3 * plane];
        for (var i = 0; i < plane; i++)
            (pixels[i], pixels[plane + i], pixels[2 * plane + i]) = (row[i].R / 255f, row[i].G / 255f, row[i].B / 255f);
        return ImageEncoder.Png(new PlanarImage(3, 1, plane, pixels));
    }

    /// <summary>An uncompressed 24-bit BMP: BITMAPFILEHEADER + BITMAPINFOHEADER, rows bottom-up in B, G, R order, each padded to 4 bytes.</summary>
    public static byte[] Bmp(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var stride = (width * 3 + 3) / 4 * 4;
        var bytes = new byte[54 + stride * height];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var (r, g, b) = pixel(x, y);
            var at = 54 + (height - 1 - y) * stride + 3 * x;
            (bytes[at], bytes[at + 1], bytes[at + 2]) = (b, g, r);
        }
        return bytes;
    }

    /// <summary>A JPEG of one flat colour (JPEG is lossy, so only a flat colour has a value the test can know).</summary>
    public static byte[] FlatJpeg(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        return data.ToArray();
    }

    /// <summary>A valid 1×1 PNG whose header is rewritten to declare <paramref name="width"/> × <paramref name="height"/> (with a correct CRC).</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = GreyPng([7]);
        // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow, then 5 bytes, then the CRC over type and data.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>The classic 1×1 GIF: an image format the decoder recognises but the portal does not accept.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    public static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }

    /// <summary>Overwrites the uncompressed size of the last entry in its local header and the central directory, as a hostile archive would.</summary>
    public static void DeclareLastEntrySize(byte[] zip, uint size)
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

    public static float[] Values(params byte[] bytes) => bytes.Select(v => v / 255f).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

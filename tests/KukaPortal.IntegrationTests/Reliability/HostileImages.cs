using System.Buffers.Binary;
using System.IO.Compression;
using KukaPortal.Core.Images;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// The image half of the hostile-input corpus, built in code (nothing large is committed): pictures that lie about
/// their size or end early, and image-set zips that are empty, nest archives, hold links or climb out of the archive.
/// </summary>
public static class HostileImages
{
    /// <summary>A small grey picture any decoder reads: the good file the hostile ones are made from.</summary>
    public static byte[] Picture() => ImageEncoder.Png(new PlanarImage(1, 32, 32, Enumerable.Range(0, 32 * 32).Select(i => (i % 7) / 7f).ToArray()));

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> grey pixels (10¹⁰ for 100k × 100k,
    /// 10 GB to decode) but which is a few dozen bytes long: a decoder that believed it would allocate before reading.
    /// </summary>
    public static byte[] DeclaringPixels(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace 0
        return [0x89, .. "PNG\r\n\u001a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    /// <summary>The first two thirds of a good PNG: a camera that lost its connection mid-file.</summary>
    public static byte[] Truncated()
    {
        var png = Picture();
        return png[..(png.Length * 2 / 3)];
    }

    /// <summary>A zip with no entry at all (only its end record).</summary>
    public static byte[] EmptyZip() => Zip();

    public static byte[] Zip(params (string Name, byte[] Bytes, bool Symlink)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes, symlink) in entries)
            {
                var entry = zip.CreateEntry(name);
                if (symlink) entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777
                using var content = entry.Open();
                content.Write(bytes);
            }
        }
        return stream.ToArray();
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309) over a chunk's type and data: a decoder refuses a header whose CRC is wrong before it reads the size.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

using System.Runtime.InteropServices;
using System.Text;

namespace KukaPortal.Core.Formats;

/// <summary>Writes what the portal exports and tests round-trip: float32 matrices and 1-D string arrays, as NumPy 1.0 files.</summary>
public static class NpyWriter
{
    /// <summary>A little-endian float32 array in C order: 2-D rows × columns.</summary>
    public static void WriteMatrix(Stream stream, ReadOnlySpan<float> values, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, rows * columns);
        new NpyHeader("<f4", false, [rows, columns], 1).Write(stream);
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        Span<byte> item = stackalloc byte[4];
        foreach (var value in values)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(item, value);
            stream.Write(item);
        }
    }

    /// <summary>A 1-D array of fixed-width UTF-32 strings (<c>&lt;U{longest}</c>), as NumPy stores names.</summary>
    public static void WriteStrings(Stream stream, IReadOnlyList<string> strings)
    {
        var width = Math.Max(1, strings.Select(s => s.EnumerateRunes().Count()).DefaultIfEmpty(0).Max());
        new NpyHeader($"<U{width}", false, [strings.Count], 1).Write(stream);
        var item = new byte[width * 4];
        foreach (var text in strings)
        {
            Array.Clear(item);
            Encoding.UTF32.GetBytes(text, item);
            stream.Write(item);
        }
    }
}

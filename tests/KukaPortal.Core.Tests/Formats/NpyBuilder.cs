using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace KukaPortal.Core.Tests.Formats;

/// <summary>
/// Writes NPY files of any element type, byte order, memory order and format version, independently of
/// the production writer, so that the reader is tested against the format and not against itself.
/// </summary>
internal static class NpyBuilder
{
    /// <summary><paramref name="rowMajor"/> holds the values as rows × columns; Fortran order lists them column by column.</summary>
    public static byte[] Array(string descr, long[] shape, double[] rowMajor, bool fortran = false, int major = 1)
    {
        var ordered = fortran && shape.Length == 2 ? ColumnMajor(rowMajor, (int)shape[0], (int)shape[1]) : rowMajor;
        return WithHeader(descr, shape, fortran, major, Elements(descr, ordered));
    }

    public static byte[] Strings(string descr, string[] strings)
    {
        var big = descr[0] == '>';
        var width = int.Parse(descr[2..], CultureInfo.InvariantCulture);
        var data = new List<byte>();
        foreach (var text in strings)
        {
            var item = new byte[descr[1] == 'U' ? width * 4 : width];
            var encoded = descr[1] == 'U' ? new UTF32Encoding(big, false).GetBytes(text) : Encoding.ASCII.GetBytes(text);
            encoded.CopyTo(item, 0);
            data.AddRange(item);
        }
        return WithHeader(descr, [strings.Length], false, 1, data.ToArray());
    }

    /// <summary>A header with any dictionary text, for malformed and hostile headers.</summary>
    public static byte[] WithHeaderText(string dictionary, byte[] data, int major = 1)
    {
        var textEncoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var prefix = major == 1 ? 10 : 12;
        var text = textEncoding.GetBytes(dictionary);
        var padded = (prefix + text.Length + 1 + 63) / 64 * 64 - prefix;
        var header = new byte[padded];
        header.AsSpan().Fill((byte)' ');
        text.CopyTo(header, 0);
        header[^1] = (byte)'\n';

        var file = new MemoryStream();
        file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0]);
        var length = new byte[major == 1 ? 2 : 4];
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)padded);
        else BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)padded);
        file.Write(length);
        file.Write(header);
        file.Write(data);
        return file.ToArray();
    }

    public static string Dictionary(string descr, long[] shape, bool fortran = false)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        return $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
    }

    private static byte[] WithHeader(string descr, long[] shape, bool fortran, int major, byte[] data) =>
        WithHeaderText(Dictionary(descr, shape, fortran), data, major);

    private static double[] ColumnMajor(double[] rowMajor, int rows, int columns)
    {
        var result = new double[rowMajor.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) result[c * rows + r] = rowMajor[r * columns + c];
        return result;
    }

    private static byte[] Elements(string descr, double[] values)
    {
        var big = descr[0] == '>';
        var kind = descr[1];
        var size = int.Parse(descr[2..], CultureInfo.InvariantCulture);
        var data = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
        {
            var item = data.AsSpan(i * size, size);
            var v = values[i];
            switch (kind, size)
            {
                case ('f', 2): if (big) BinaryPrimitives.WriteHalfBigEndian(item, (Half)v); else BinaryPrimitives.WriteHalfLittleEndian(item, (Half)v); break;
                case ('f', 4): if (big) BinaryPrimitives.WriteSingleBigEndian(item, (float)v); else BinaryPrimitives.WriteSingleLittleEndian(item, (float)v); break;
                case ('f', 8): if (big) BinaryPrimitives.WriteDoubleBigEndian(item, v); else BinaryPrimitives.WriteDoubleLittleEndian(item, v); break;
                case ('i', 1): item[0] = (byte)(sbyte)v; break;
                case ('u' or 'b', 1): item[0] = (byte)v; break;
                case ('i', 2): if (big) BinaryPrimitives.WriteInt16BigEndian(item, (short)v); else BinaryPrimitives.WriteInt16LittleEndian(item, (short)v); break;
                case ('u', 2): if (big) BinaryPrimitives.WriteUInt16BigEndian(item, (ushort)v); else BinaryPrimitives.WriteUInt16LittleEndian(item, (ushort)v); break;
                case ('i', 4): if (big) BinaryPrimitives.WriteInt32BigEndian(item, (int)v); else BinaryPrimitives.WriteInt32LittleEndian(item, (int)v); break;
                case ('u', 4): if (big) BinaryPrimitives.WriteUInt32BigEndian(item, (uint)v); else BinaryPrimitives.WriteUInt32LittleEndian(item, (uint)v); break;
                case ('i', 8): if (big) BinaryPrimitives.WriteInt64BigEndian(item, (long)v); else BinaryPrimitives.WriteInt64LittleEndian(item, (long)v); break;
                case ('u', 8): if (big) BinaryPrimitives.WriteUInt64BigEndian(item, (ulong)v); else BinaryPrimitives.WriteUInt64LittleEndian(item, (ulong)v); break;
                default: throw new ArgumentException($"The builder cannot write '{descr}'.");
            }
        }
        return data;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace KukaPortal.Core.Formats;

/// <summary>
/// The header of a NumPy <c>.npy</c> file: the element type, the memory order and the shape. Versions
/// 1.0 (2-byte header length), 2.0 (4-byte length) and 3.0 (4-byte length, UTF-8 header text) are read.
/// </summary>
public sealed record NpyHeader(string Descr, bool FortranOrder, IReadOnlyList<long> Shape, int MajorVersion)
{
    internal static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Headers are tens of bytes; this only stops a corrupt length from allocating gigabytes.</summary>
    private const int MaxHeaderBytes = 1 << 20;

    internal NpyDtype Dtype { get; } = NpyDtype.Parse(Descr);

    /// <summary>The shape as Python writes it: <c>(275000, 86)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public string ShapeText => Shape.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"({Shape[0]},)")
        : "(" + string.Join(", ", Shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";

    /// <summary>Reads the header and leaves the stream at the first data byte.</summary>
    public static NpyHeader Read(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[8];
        var got = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (got < prefix.Length || !prefix.StartsWith(Magic))
            throw new RecordingFormatException(RecordingErrorKind.Malformed, "The file does not start like an NPY file (\\x93NUMPY).");

        int major = prefix[6], minor = prefix[7];
        if (major is < 1 or > 3)
            throw new RecordingFormatException(RecordingErrorKind.Malformed,
                $"NPY format version {major}.{minor} is not supported (1.0, 2.0 and 3.0 are).");

        Span<byte> lengthBytes = stackalloc byte[major == 1 ? 2 : 4];
        if (stream.ReadAtLeast(lengthBytes, lengthBytes.Length, throwOnEndOfStream: false) < lengthBytes.Length)
            throw TruncatedHeader();
        var length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (length > MaxHeaderBytes)
            throw new RecordingFormatException(RecordingErrorKind.Malformed, $"The NPY header claims {length} bytes; real headers are far shorter.");

        var textBytes = new byte[length];
        if (stream.ReadAtLeast(textBytes, textBytes.Length, throwOnEndOfStream: false) < textBytes.Length)
            throw TruncatedHeader();
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(textBytes);
        return FromText(text, major);
    }

    /// <summary>Bytes before the data: magic, version, length and the header text.</summary>
    internal static int PrefixBytes(int majorVersion) => majorVersion == 1 ? 10 : 12;

    private static NpyHeader FromText(string text, int major)
    {
        if (PythonLiteral.Parse(text) is not Dictionary<string, object?> fields)
            throw Malformed("it is not a dictionary");
        var descr = fields.GetValueOrDefault("descr") switch
        {
            string s => s,
            List<object?> => throw new RecordingFormatException(RecordingErrorKind.UnsupportedType,
                "The array holds structured records (a dtype with fields); save a plain numeric array."),
            _ => throw Malformed("'descr' is missing"),
        };
        if (fields.GetValueOrDefault("fortran_order") is not bool fortran)
            throw Malformed("'fortran_order' is missing");
        if (fields.GetValueOrDefault("shape") is not List<object?> shapeItems)
            throw Malformed("'shape' is missing");

        var shape = new long[shapeItems.Count];
        for (var i = 0; i < shape.Length; i++)
        {
            if (shapeItems[i] is not long dimension || dimension < 0) throw Malformed("'shape' holds something other than sizes");
            shape[i] = dimension;
        }
        return new NpyHeader(descr, fortran, shape, major);
    }

    /// <summary>The header text and its padding, so that the data starts at a multiple of 64 bytes as NumPy writes it.</summary>
    internal void Write(Stream stream)
    {
        var fortran = FortranOrder ? "True" : "False";
        var dictionary = $"{{'descr': '{Descr}', 'fortran_order': {fortran}, 'shape': {ShapeText}, }}";
        var major = dictionary.Length + 1 + 10 > ushort.MaxValue ? 2 : 1;
        var prefix = PrefixBytes(major);
        var padded = (prefix + dictionary.Length + 1 + 63) / 64 * 64 - prefix;
        var text = Encoding.Latin1.GetBytes(dictionary.PadRight(padded - 1) + "\n");

        stream.Write(Magic);
        stream.Write([(byte)major, 0]);
        Span<byte> length = stackalloc byte[major == 1 ? 2 : 4];
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)text.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)text.Length);
        stream.Write(length);
        stream.Write(text);
    }

    private static RecordingFormatException TruncatedHeader() =>
        new(RecordingErrorKind.Truncated, "The file ends inside the NPY header.");

    private static RecordingFormatException Malformed(string detail) =>
        new(RecordingErrorKind.Malformed, $"The NPY header cannot be read: {detail}.");
}

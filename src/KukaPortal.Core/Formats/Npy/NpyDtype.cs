namespace KukaPortal.Core.Formats;

/// <summary>What one element of an NPY array is, decoded from its <c>descr</c> (e.g. <c>&lt;f4</c>, <c>&gt;i8</c>, <c>|b1</c>, <c>&lt;U12</c>).</summary>
internal sealed record NpyDtype(string Descr, char Kind, int Size, bool BigEndian)
{
    public bool IsNumber => Kind is 'f' or 'i' or 'u' or 'b';
    public bool IsText => Kind is 'U' or 'S';

    /// <summary>Bytes per element: text kinds count characters, and NumPy's U is UTF-32.</summary>
    public int ItemBytes => Kind == 'U' ? Size * 4 : Size;

    public bool IsLittleEndianFloat32 => Kind == 'f' && Size == 4 && !BigEndian;

    public static NpyDtype Parse(string descr)
    {
        var order = descr.Length > 0 && descr[0] is '<' or '>' or '|' or '=' ? descr[0] : '|';
        var body = order == '|' && !descr.StartsWith('|') ? descr : descr[1..];
        if (body.Length == 0) throw Unsupported(descr);

        var kind = body[0];
        var sizeText = body[1..];
        if (kind == 'O') throw Refuse(descr, "holds Python objects, which would have to be unpickled; they never are. Save a numeric array");
        if (kind is 'c') throw Refuse(descr, "holds complex numbers");
        if (kind is 'M' or 'm') throw Refuse(descr, "holds dates or durations, not measurements");
        if (kind == 'V') throw Refuse(descr, "holds raw records");
        if (!int.TryParse(sizeText, out var size) || size <= 0) throw Unsupported(descr);

        var valid = kind switch
        {
            'f' => size is 2 or 4 or 8,
            'i' or 'u' => size is 1 or 2 or 4 or 8,
            'b' => size == 1,
            'U' or 'S' => true,
            _ => false,
        };
        if (!valid) throw Unsupported(descr);
        return new NpyDtype(descr, kind, size, order == '>');
    }

    private static RecordingFormatException Refuse(string descr, string why) =>
        new(RecordingErrorKind.UnsupportedType, $"The array's element type '{descr}' {why}.");

    private static RecordingFormatException Unsupported(string descr) =>
        new(RecordingErrorKind.UnsupportedType, $"The array's element type '{descr}' is not supported; use floats, integers or booleans.");
}

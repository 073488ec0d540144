using KukaPortal.Core.Tests.Formats;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Corpus;

/// <summary>
/// One small file per way a recording can be unreadable, generated here rather than kept as binaries,
/// with the exact error the sender must see and where it points.
/// </summary>
public static class BadFiles
{
    public sealed record Case(string Name, byte[] Content, string Code, string Message, long? Line = null, string? Column = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> All() =>
    [
        new Case("empty.csv", [], "emptyFile", "empty.csv: The file is empty."),
        new Case("header-only.csv", Utf8("a,b\n"), "noData", "header-only.csv: The file has a header but no data rows."),
        new Case("ragged.csv", Utf8("a,b\n1,2\n3\n"), "raggedRow", "ragged.csv, line 3: Expected 2 fields as in the header, found 1.", 3),
        new Case("text-cell.csv", Utf8("a;b\n1;2\n3;x4\n"), "notANumber", "text-cell.csv, line 3, column 'b': 'x4' is not a number.", 3, "b"),
        new Case("unnamed-column.csv", Utf8("a,,c\n1,2,3\n"), "badHeader", "unnamed-column.csv, line 1: Header column 2 has no name.", 1),
        new Case("duplicate-column.csv", Utf8("a,a\n1,2\n"), "badHeader", "duplicate-column.csv, line 1, column 'a': The header names this column twice.", 1, "a"),
        new Case("no-channel.csv", Utf8("time,label\n0,1\n"), "noChannels", "no-channel.csv, line 1: The header names no data channel.", 1),
        new Case("bad-label.csv", Utf8("a,label\n1,0\n2,maybe\n"), "badLabel", "bad-label.csv, line 3, column 'label': 'maybe' is not a label (0/1 or true/false).", 3, "label"),
        new Case("bad-time.csv", Utf8("t\ta\nnoon\t1\n"), "badTime", "bad-time.csv, line 2, column 't': 'noon' is neither seconds nor an ISO 8601 time.", 2, "t"),
        new Case("unclosed-quote.csv", Utf8("a,b\n1,\"2\n"), "malformed", "unclosed-quote.csv, line 2: A quoted field is not closed before the end of the line.", 2),
        new Case("objects.npy", NpyBuilder.WithHeaderText(NpyBuilder.Dictionary("|O", [2]), new byte[16]), "unsupportedType",
            "objects.npy: The array's element type '|O' holds Python objects, which would have to be unpickled; they never are. Save a numeric array."),
        new Case("complex.npy", NpyBuilder.WithHeaderText(NpyBuilder.Dictionary("<c8", [2]), new byte[16]), "unsupportedType",
            "complex.npy: The array's element type '<c8' holds complex numbers."),
        new Case("dates.npy", NpyBuilder.WithHeaderText(NpyBuilder.Dictionary("<M8[ns]", [2]), new byte[16]), "unsupportedType",
            "dates.npy: The array's element type '<M8[ns]' holds dates or durations, not measurements."),
        new Case("structured.npy", NpyBuilder.WithHeaderText("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", new byte[8]), "unsupportedType",
            "structured.npy: The array holds structured records (a dtype with fields); save a plain numeric array."),
        new Case("cube.npy", NpyBuilder.Array("<f4", [2, 3, 4], new double[24]), "unsupportedShape",
            "cube.npy: The array has 3 dimensions, shape (2, 3, 4); a recording needs 1 dimension (one channel) or 2 (rows × channels)."),
        new Case("scalar.npy", NpyBuilder.WithHeaderText(NpyBuilder.Dictionary("<f8", []), new byte[8]), "unsupportedShape",
            "scalar.npy: The array is a single value, shape (); a recording needs 1 dimension (one channel) or 2 (rows × channels)."),
        new Case("empty.npy", NpyBuilder.Array("<f4", [0, 86], []), "noData", "empty.npy: The array holds no values, shape (0, 86)."),
        new Case("truncated.npy", NpyBuilder.Array("<f4", [3, 2], new double[6])[..^4], "truncated",
            "truncated.npy: The data is truncated: expected 24 bytes after the header, found 20."),
        new Case("truncated-header.npy", NpyBuilder.Array("<f4", [3, 2], new double[6])[..40], "truncated", "truncated-header.npy: The file ends inside the NPY header."),
        new Case("no-fortran-order.npy", NpyBuilder.WithHeaderText("{'descr': '<f4', 'shape': (2,), }", new byte[8]), "malformed",
            "no-fortran-order.npy: The NPY header cannot be read: 'fortran_order' is missing."),
        new Case("code-in-header.npy", NpyBuilder.WithHeaderText("{'descr': __import__('os'), 'fortran_order': False, 'shape': (2,), }", new byte[8]), "malformed",
            "code-in-header.npy: The NPY header cannot be read: '__import__' is not a literal."),
        new Case("version-4.npy", [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 4, 0, 0, 0], "malformed",
            "version-4.npy: NPY format version 4.0 is not supported (1.0, 2.0 and 3.0 are)."),
        new Case("huge.npy", NpyBuilder.WithHeaderText(NpyBuilder.Dictionary("<f8", [1_000_000_000_000]), []), "tooLarge",
            "huge.npy: The array declares 1,000,000,000,000 values, shape (1000000000000,), more than the limit of 268,435,456."),
        new Case("notes.txt", Utf8("hello"), "unknownFormat", "notes.txt: The file is not a recording format (CSV, TSV, NPY, Parquet, or a zip of them)."),
        new Case("slip.zip", Zip(("../../etc/cron.d/x.csv", Utf8("a\n1\n"))), "unsafeArchive",
            "slip.zip: Entry '../../etc/cron.d/x.csv' points outside the archive (../); the archive is refused."),
    ];
}

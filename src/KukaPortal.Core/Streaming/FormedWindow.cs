namespace KukaPortal.Core.Streaming;

/// <summary>
/// A complete window cut from a stream: its index in the stream, the stream row it starts at, its
/// rows (row-major, <see cref="WindowFormer"/>'s channel order) and the times of its first and last row.
/// </summary>
public sealed record FormedWindow(int Index, long StartRow, float[] Values, double StartSeconds, double EndSeconds)
{
    public long EndRow(int window) => StartRow + window;
}

namespace KukaPortal.Core.Windowing;

/// <summary>One window of a recording: its position in the sequence and the rows [StartRow, EndRow) it covers.</summary>
public readonly record struct WindowSpan(int Index, int StartRow, int Length)
{
    public int EndRow => StartRow + Length;
}

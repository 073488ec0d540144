namespace KukaPortal.Core.Windowing;

/// <summary>
/// Paper 000's strides: normal (training) data is cut with overlap, stride W/3, to show the model
/// more positions of each pattern; data to be scored is cut without overlap, stride W, so every
/// sample is scored exactly once.
/// </summary>
public static class WindowDefaults
{
    /// <summary>W/3 rounded down, at least 1 (W = 30 → 10; W = 2 → 1).</summary>
    public static int TrainingStride(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        return Math.Max(1, window / 3);
    }

    public static int ScoringStride(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        return window;
    }
}

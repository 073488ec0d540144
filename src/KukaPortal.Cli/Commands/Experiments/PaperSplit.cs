using KukaPortal.Core.Windowing;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// Where each part of paper 000's protocol lies in the normal and abnormal recordings, and its windows in the
/// recording's own row numbers. <see cref="NormalTest"/> is empty unless the split is strict.
/// </summary>
public sealed record PaperSplit(
    int Window,
    int NormalStride,
    RowRange NormalTraining,
    RowRange NormalValidation,
    RowRange NormalTest,
    RowRange AbnormalValidation,
    RowRange AbnormalTest)
{
    /// <summary>Abnormal windows do not overlap (paper 000): their stride is the window.</summary>
    public int AbnormalStride => Window;

    public IReadOnlyList<WindowSpan> NormalValidationWindows => PaperProtocol.Windows(NormalValidation, Window, NormalStride);

    public IReadOnlyList<WindowSpan> NormalTestWindows => PaperProtocol.Windows(NormalTest, Window, NormalStride);

    public IReadOnlyList<WindowSpan> AbnormalValidationWindows => PaperProtocol.Windows(AbnormalValidation, Window, AbnormalStride);

    public IReadOnlyList<WindowSpan> AbnormalTestWindows => PaperProtocol.Windows(AbnormalTest, Window, AbnormalStride);
}

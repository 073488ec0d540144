using System.Text.Json.Serialization;
using KukaPortal.Core.Windowing;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// Where each part of paper 000's protocol lies in the normal and abnormal recordings, and its windows in the
/// recording's own row numbers. <see cref="NormalTest"/> is empty unless the split is strict. The reports
/// keep the row ranges; the window lists follow from them and are left out of the JSON.
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

    [JsonIgnore]
    public IReadOnlyList<WindowSpan> NormalValidationWindows => PaperProtocol.Windows(NormalValidation, Window, NormalStride);

    [JsonIgnore]
    public IReadOnlyList<WindowSpan> NormalTestWindows => PaperProtocol.Windows(NormalTest, Window, NormalStride);

    [JsonIgnore]
    public IReadOnlyList<WindowSpan> AbnormalValidationWindows => PaperProtocol.Windows(AbnormalValidation, Window, AbnormalStride);

    [JsonIgnore]
    public IReadOnlyList<WindowSpan> AbnormalTestWindows => PaperProtocol.Windows(AbnormalTest, Window, AbnormalStride);
}

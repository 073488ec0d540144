using KukaPortal.Web.Inspection;
using MudBlazor;

namespace KukaPortal.Web.Components.Inspection;

/// <summary>How the inspection components word and mark a verdict: always text and icon together, never colour alone.</summary>
public static class InspectionText
{
    public static string Verdict(bool aboveThreshold) => aboveThreshold ? "Defect" : "OK";

    public static string VerdictIcon(bool aboveThreshold) => aboveThreshold ? Icons.Material.Filled.Error : Icons.Material.Filled.CheckCircle;

    public static Color VerdictColor(bool aboveThreshold) => aboveThreshold ? Color.Error : Color.Success;

    public static string Score(double calibrated) => $"{calibrated:F2}× threshold";

    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("g");

    /// <summary>A picture's address (see <c>InspectionPictureEndpoints</c>).</summary>
    public static string PictureUrl(int assetId, InspectionImageRow image, InspectionPanel panel) =>
        $"api/assets/{assetId}/inspection/{image.RunId}/{image.WindowIndex}/{panel.ToString().ToLowerInvariant()}.png";

    /// <summary>What a screen reader says for a thumbnail: the image, the verdict and the score.</summary>
    public static string Describe(InspectionImageRow image) =>
        $"{image.Name}: {Verdict(image.AboveThreshold)}, scored {Score(image.Calibrated)}, {Time(image.At)}";
}

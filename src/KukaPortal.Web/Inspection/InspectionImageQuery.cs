namespace KukaPortal.Web.Inspection;

/// <summary>Which scored images the inspection view lists: the newest first, or the highest calibrated score first.</summary>
public enum InspectionOrder { Latest, Worst }

/// <summary>The model's verdict: Defect = at or above its threshold (what raised the alarm condition), Ok = below.</summary>
public enum InspectionVerdict { All, Defect, Ok }

/// <summary>How far back the list reaches, by the time each image was scored.</summary>
public enum InspectionRange { Last24Hours, Last7Days, All }

/// <summary>One page of an inspection station's scored images; <paramref name="Label"/> narrows to one ground-truth label.</summary>
public sealed record InspectionImageQuery(
    int AssetId,
    InspectionOrder Order = InspectionOrder.Latest,
    InspectionVerdict Verdict = InspectionVerdict.All,
    InspectionRange Range = InspectionRange.All,
    string? Label = null,
    int Page = 0,
    int PageSize = InspectionImageQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 200;
}

/// <summary>
/// A scored image as the grid shows it: the picture's identity (run, window index) and its window's score.
/// <paramref name="FromSet"/>: an image of an uploaded set, which may have a ground-truth mask (a received image never has one).
/// </summary>
public sealed record InspectionImageRow(
    Guid RunId, int WindowIndex, string Name, string? Label, bool FromSet, DateTimeOffset At, long Sequence, int ModelId,
    double Score, double Calibrated, bool AboveThreshold)
{
    /// <summary>The threshold the image was judged against (score = calibrated × threshold).</summary>
    public double Threshold => Calibrated > 0 ? Score / Calibrated : double.NaN;
}

public sealed record InspectionImagePage(IReadOnlyList<InspectionImageRow> Rows, int Total);

using KukaPortal.Core.Images;

namespace KukaPortal.Web.Inspection;

/// <summary>A scored image's pixels as its model read them, and its ground-truth defect mask when the set had one.</summary>
public sealed record InspectionPixels(PlanarImage Image, PlanarImage? Mask);

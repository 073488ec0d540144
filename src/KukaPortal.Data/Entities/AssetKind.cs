namespace KukaPortal.Data.Entities;

/// <summary>
/// What an asset's data is: a robot cell records multivariate time series scored window by window; an
/// inspection station sends images of parts, each scored on its own (one image = one window row).
/// </summary>
public enum AssetKind { Robot, InspectionStation }

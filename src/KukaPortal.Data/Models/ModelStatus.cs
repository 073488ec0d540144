using KukaPortal.Data.Entities;

namespace KukaPortal.Data.Models;

/// <summary>
/// Where a model stands in its asset's lifecycle. Active: the asset's active model (it scores live and
/// batch data). Candidate: trained but never promoted, or promoted and never replaced since. Retired: it
/// was active and another model replaced it; rolling back promotes the most recently retired one again.
/// </summary>
public enum ModelStatus { Active, Candidate, Retired }

public static class ModelStatuses
{
    public static ModelStatus Of(DetectorModel model, int? activeModelId) =>
        model.Id == activeModelId ? ModelStatus.Active
        : model.RetiredAt is not null ? ModelStatus.Retired
        : ModelStatus.Candidate;
}

namespace KukaPortal.Data.Entities;

/// <summary>
/// One point of a training job's loss curves, at a progress report (a few hundred per job at most), so the
/// training page can redraw the curves of a running or finished job from the database.
/// </summary>
public sealed class JobLoss
{
    public Guid JobId { get; set; }
    public int Iteration { get; set; }

    /// <summary>Mean training reconstruction MSE since the previous point.</summary>
    public double Reconstruction { get; set; }

    /// <summary>Reconstruction MSE on held-out normal windows.</summary>
    public double? Validation { get; set; }

    /// <summary>Adversarial families only: the discriminator's mean loss and accuracy (real and fake averaged).</summary>
    public double? DiscriminatorLoss { get; set; }
    public double? DiscriminatorAccuracy { get; set; }
}

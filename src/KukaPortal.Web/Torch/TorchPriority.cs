namespace KukaPortal.Web.Torch;

/// <summary>
/// Which torch work goes first on the one torch thread. Higher runs first, and long lower-priority work
/// (a training run, a batch scoring job) lets waiting higher-priority work run between its steps, so a
/// long training never starves live scoring.
/// </summary>
public enum TorchPriority
{
    Training = 0,
    BatchScoring = 1,
    Live = 2,
}

namespace KukaPortal.Web.Inspection;

/// <summary>
/// What became of one live image: where it is stored (run and position, the window's sequence), its score against
/// the threshold the model scored with (the engineer's override when set), and what it did to the K-of-N alarm rule.
/// </summary>
public sealed record LiveImageResult(
    Guid RunId, int WindowIndex, long Sequence, string Name, double Score, double Calibrated, double Threshold, string Verdict,
    bool AlarmRaised, bool AlarmActive, long? AlarmId)
{
    public const string Defect = "defect";
    public const string Ok = "ok";
}

namespace KukaPortal.IntegrationTests.Jobs;

/// <summary>
/// The portal scoring a job's batches side by side on two lanes (ADR 0011). The other tests' portal runs torch on one
/// thread, which gives one lane: batches one at a time.
/// </summary>
public sealed class PortalWithTwoScoringLanes() : PortalWithSettings(("Torch:ScoringLanes", "2"));

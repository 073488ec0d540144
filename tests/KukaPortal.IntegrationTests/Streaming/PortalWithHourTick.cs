namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>The portal with stream pipelines that poll for new chunks only once an hour: whatever they score sooner, a wake-up made them score.</summary>
public sealed class PortalWithHourTick() : PortalWithSettings(("Streaming:Tick", "01:00:00"));

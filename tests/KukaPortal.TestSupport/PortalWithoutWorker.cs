namespace KukaPortal.TestSupport;

/// <summary>The portal with its job worker switched off, for tests in which only the test may claim jobs.</summary>
public sealed class PortalWithoutWorker() : PortalWithSettings(("Portal:Role", "Web"));

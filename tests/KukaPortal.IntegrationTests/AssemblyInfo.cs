using KukaPortal.TestSupport;

// One portal host for the whole assembly (starting libtorch and migrating take seconds); tests reset
// its database and so must not run at the same time.
[assembly: AssemblyFixture(typeof(PortalFactory))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using KukaPortal.BrowserTests;

[assembly: AssemblyFixture(typeof(BrowserPortal))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using KukaPortal.Data.Models;
using KukaPortal.Web.Components.Shared;
using KukaPortal.Web.Models;

namespace KukaPortal.Web.Tests.Models;

public sealed class ComparisonTableTests : PortalComponentTest
{
    [Fact]
    public void Rows_that_differ_are_marked_and_the_columns_name_both_models()
    {
        var created = DateTimeOffset.UnixEpoch;
        var candidate = new ModelRow(2, 2, "conv-ae", 32, 0.5, created, ModelStatus.Candidate, null, null, null, null);
        var active = new ModelRow(1, 1, "conv-ae", 16, 0.5, created, ModelStatus.Active, null, null, null, null);

        var table = Render<ComparisonTable>(p => p
            .Add(c => c.Candidate, candidate).Add(c => c.Active, active).Add(c => c.Rows, ModelComparison.Settings(candidate, active)));

        table.FindAll("thead th").Select(th => th.TextContent).ShouldBe(["", "v2 candidate", "v1 active"]);
        table.FindAll("tr.differs th").Select(th => th.TextContent).ShouldBe(["Window W"]);
    }
}

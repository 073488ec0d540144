using KukaPortal.Data.Audit;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Components.Audit;

namespace KukaPortal.Web.Tests.Audit;

public class AuditTextTests
{
    [Theory]
    [InlineData("ModelPromoted", "Model promoted")]
    [InlineData("AlarmAcknowledged", "Alarm acknowledged")]
    [InlineData("AlarmRemovedFromService", "Alarm removed from service")]
    [InlineData("ApiKeyRevoked", "API key revoked")]
    public void Stored_action_names_read_as_words(string stored, string shown) => AuditText.Action(stored).ShouldBe(shown);

    [Fact]
    public void Every_audit_action_belongs_to_exactly_one_category_so_no_filter_loses_it() =>
        Enum.GetValues<AuditAction>().ShouldAllBe(a => Enum.GetValues<AuditCategory>().Count(c => AuditCategories.ActionsOf(c).Contains(a)) == 1);
}

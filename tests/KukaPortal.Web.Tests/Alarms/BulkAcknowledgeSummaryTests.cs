using KukaPortal.Data.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Components.Alarms;

namespace KukaPortal.Web.Tests.Alarms;

public sealed class BulkAcknowledgeSummaryTests
{
    [Fact]
    public void Names_each_skipped_alarm_with_its_reason() =>
        BulkAcknowledgeSummary.Describe(new BulkAcknowledgeResult(
                [new Alarm { Id = 1 }, new Alarm { Id = 2 }],
                [new SkippedAlarm(3, "Already acknowledged."), new SkippedAlarm(4, "A shelved alarm cannot be acknowledged; unshelve it first.")]))
            .ShouldBe("Acknowledged 2 alarms. Skipped 2: #3: Already acknowledged; #4: A shelved alarm cannot be acknowledged; unshelve it first.");

    [Fact]
    public void Says_one_alarm_in_the_singular() =>
        BulkAcknowledgeSummary.Describe(new BulkAcknowledgeResult([new Alarm { Id = 1 }], [])).ShouldBe("Acknowledged 1 alarm.");
}

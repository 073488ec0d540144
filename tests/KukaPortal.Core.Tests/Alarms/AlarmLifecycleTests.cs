using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Tests.Alarms;

public class AlarmLifecycleTests
{
    [Theory]
    [InlineData(AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged, true)]
    [InlineData(AlarmState.ReturnedUnacknowledged, AlarmState.Normal, true)]
    [InlineData(AlarmState.ActiveAcknowledged, AlarmState.ActiveAcknowledged, false)]
    [InlineData(AlarmState.Normal, AlarmState.Normal, false)]
    public void Acknowledge(AlarmState from, AlarmState to, bool changed) =>
        AlarmLifecycle.Acknowledge(from).ShouldBe(new AlarmTransition(to, changed));

    [Theory]
    [InlineData(AlarmState.ActiveUnacknowledged, AlarmState.ReturnedUnacknowledged, true)]
    [InlineData(AlarmState.ActiveAcknowledged, AlarmState.Normal, true)]
    [InlineData(AlarmState.ReturnedUnacknowledged, AlarmState.ReturnedUnacknowledged, false)]
    [InlineData(AlarmState.Normal, AlarmState.Normal, false)]
    public void Return_to_normal(AlarmState from, AlarmState to, bool changed) =>
        AlarmLifecycle.ReturnToNormal(from).ShouldBe(new AlarmTransition(to, changed));
}

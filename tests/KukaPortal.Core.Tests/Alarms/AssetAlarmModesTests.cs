using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Tests.Alarms;

public class AssetAlarmModesTests
{
    [Theory]
    [InlineData(AssetAlarmMode.InService, AlarmState.ActiveUnacknowledged)]
    [InlineData(AssetAlarmMode.SuppressedByDesign, AlarmState.SuppressedByDesign)]
    [InlineData(AssetAlarmMode.OutOfService, AlarmState.OutOfService)]
    public void A_raised_alarm_starts_in_the_state_its_asset_allows(AssetAlarmMode mode, AlarmState state) =>
        AssetAlarmModes.RaisedStatus(mode).ShouldBe(new AlarmStatus(state, ConditionActive: true));
}

public class AssetAlarmModeTransitionTests
{
    [Theory]
    [InlineData(AssetAlarmMode.InService, AlarmOperation.RemoveFromService, AssetAlarmMode.OutOfService, true)]
    [InlineData(AssetAlarmMode.SuppressedByDesign, AlarmOperation.RemoveFromService, AssetAlarmMode.OutOfService, true)]
    [InlineData(AssetAlarmMode.OutOfService, AlarmOperation.RemoveFromService, AssetAlarmMode.OutOfService, false)]
    [InlineData(AssetAlarmMode.OutOfService, AlarmOperation.ReturnToService, AssetAlarmMode.InService, true)]
    [InlineData(AssetAlarmMode.InService, AlarmOperation.Suppress, AssetAlarmMode.SuppressedByDesign, true)]
    [InlineData(AssetAlarmMode.SuppressedByDesign, AlarmOperation.Suppress, AssetAlarmMode.SuppressedByDesign, false)]
    [InlineData(AssetAlarmMode.SuppressedByDesign, AlarmOperation.Unsuppress, AssetAlarmMode.InService, true)]
    public void Legal(AssetAlarmMode from, AlarmOperation operation, AssetAlarmMode to, bool changed) =>
        AssetAlarmModes.Apply(from, operation).ShouldBe((to, changed));

    [Theory]
    [InlineData(AssetAlarmMode.InService, AlarmOperation.ReturnToService, "The asset is not out of service, so it cannot be returned to service.")]
    [InlineData(AssetAlarmMode.SuppressedByDesign, AlarmOperation.ReturnToService, "The asset is not out of service, so it cannot be returned to service.")]
    [InlineData(AssetAlarmMode.OutOfService, AlarmOperation.Suppress, "The asset is out of service; return it to service before suppressing its alarms.")]
    [InlineData(AssetAlarmMode.InService, AlarmOperation.Unsuppress, "The asset's alarms are not suppressed, so they cannot be unsuppressed.")]
    [InlineData(AssetAlarmMode.OutOfService, AlarmOperation.Unsuppress, "The asset's alarms are not suppressed, so they cannot be unsuppressed.")]
    public void Illegal(AssetAlarmMode from, AlarmOperation operation, string message) =>
        Should.Throw<AlarmRuleViolationException>(() => AssetAlarmModes.Apply(from, operation)).Message.ShouldBe(message);
}

namespace KukaPortal.Core.Thresholds;

/// <summary>At most <see cref="AlarmsPerHour"/> alarms per hour on held-out normal data; see <see cref="AlarmBudget"/>.</summary>
public sealed record BudgetStrategy : ThresholdStrategy
{
    public BudgetStrategy(double alarmsPerHour)
    {
        if (!(alarmsPerHour >= 0) || double.IsInfinity(alarmsPerHour))
            throw new ArgumentOutOfRangeException(nameof(alarmsPerHour), alarmsPerHour, "An alarm budget is a finite number of alarms per hour, 0 or more.");
        AlarmsPerHour = alarmsPerHour;
    }

    public double AlarmsPerHour { get; }

    public override ThresholdChoice Choose(ThresholdData data)
    {
        var scores = Require(data.NormalScores, "held-out normal scores in time order", ToString());
        var hours = data.NormalHours ?? throw new ArgumentException($"The '{this}' threshold needs the hours the normal scores span.");
        return new ThresholdChoice(AlarmBudget.Choose(scores, hours, AlarmsPerHour, data.AlarmK, data.AlarmN), ToString());
    }

    public override string ToString() => $"budget:{Invariant(AlarmsPerHour)}/h";
}

namespace KukaPortal.Core.Alarms;

public enum AlarmPriority { Low, Medium, High, Urgent }

/// <summary>What operators decided an alarm was; feeds retraining and the false-alarm KPI.</summary>
public enum AlarmClassification { TrueAnomaly, FalseAlarm, Maintenance, Unknown }

/// <summary>
/// Priority from the calibrated score (score / model threshold, so 1.0 is the threshold): the highest
/// band whose lower bound the alarm's peak reaches. Below the lowest band is still Low: an alarm that
/// exists is at least Low.
/// </summary>
public static class AlarmPriorities
{
    public static AlarmPriority FromPeak(double peakCalibrated, AlarmOptions options) =>
        peakCalibrated >= options.UrgentAt ? AlarmPriority.Urgent
        : peakCalibrated >= options.HighAt ? AlarmPriority.High
        : peakCalibrated >= options.MediumAt ? AlarmPriority.Medium
        : AlarmPriority.Low;
}

using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Tests.Alarms;

public class AlarmPrioritiesTests
{
    [Theory]
    [InlineData(0.8, AlarmPriority.Low)]
    [InlineData(1.0, AlarmPriority.Low)]
    [InlineData(1.49, AlarmPriority.Low)]
    [InlineData(1.5, AlarmPriority.Medium)]
    [InlineData(2.49, AlarmPriority.Medium)]
    [InlineData(2.5, AlarmPriority.High)]
    [InlineData(3.99, AlarmPriority.High)]
    [InlineData(4.0, AlarmPriority.Urgent)]
    [InlineData(40.0, AlarmPriority.Urgent)]
    public void Default_bands(double peak, AlarmPriority expected) =>
        AlarmPriorities.FromPeak(peak, new AlarmOptions()).ShouldBe(expected);

    [Fact]
    public void Bands_are_configurable()
    {
        var options = new AlarmOptions { MediumAt = 1.2, HighAt = 1.4, UrgentAt = 2.0 };

        AlarmPriorities.FromPeak(1.3, options).ShouldBe(AlarmPriority.Medium);
        AlarmPriorities.FromPeak(1.9, options).ShouldBe(AlarmPriority.High);
        AlarmPriorities.FromPeak(2.0, options).ShouldBe(AlarmPriority.Urgent);
    }
}

public class AlarmOptionsTests
{
    [Fact]
    public void The_default_bands_rise() => AlarmOptions.BandsRise(new AlarmOptions()).ShouldBeTrue();

    [Fact]
    public void Bands_out_of_order_are_refused() => AlarmOptions.BandsRise(new AlarmOptions { HighAt = 5.0 }).ShouldBeFalse();
}

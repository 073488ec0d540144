using KukaPortal.Core.Preprocessing.Numerics;

namespace KukaPortal.Core.Tests.Preprocessing.Numerics;

public class GoldenSectionTests
{
    [Fact]
    public void Finds_the_peak_of_a_parabola() =>
        GoldenSection.Maximise(x => -(x - 1.3) * (x - 1.3), -5, 5, 1e-8).ShouldBe(1.3, 1e-6);

    [Fact]
    public void Returns_the_bound_when_the_function_keeps_rising() =>
        GoldenSection.Maximise(x => x, -5, 5).ShouldBe(5);
}

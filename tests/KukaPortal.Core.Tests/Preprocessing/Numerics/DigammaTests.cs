using KukaPortal.Core.Preprocessing.Numerics;

namespace KukaPortal.Core.Tests.Preprocessing.Numerics;

public class DigammaTests
{
    [Theory]
    [InlineData(1.0, -0.5772156649015329)]   // −γ
    [InlineData(0.5, -1.9635100260214235)]   // −γ − 2 ln 2
    [InlineData(2.0, 0.42278433509846713)]   // 1 − γ
    [InlineData(10.0, 2.2517525890667214)]
    [InlineData(1000.0, 6.907255195648812)]
    public void Matches_known_values(double x, double expected) =>
        Digamma.Of(x).ShouldBe(expected, 1e-12);
}

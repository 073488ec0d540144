using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Tests.Windowing;

public class WindowDefaultsTests
{
    [Theory]
    [InlineData(30, 10)]
    [InlineData(100, 33)]
    [InlineData(5, 1)]
    [InlineData(2, 1)]   // W/3 rounds to 0; a stride is at least 1
    public void Training_windows_overlap_by_a_third(int window, int stride) =>
        WindowDefaults.TrainingStride(window).ShouldBe(stride);

    [Fact]
    public void Scoring_windows_do_not_overlap() =>
        WindowDefaults.ScoringStride(30).ShouldBe(30);
}

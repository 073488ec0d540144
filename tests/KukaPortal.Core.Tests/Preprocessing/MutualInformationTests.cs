using KukaPortal.Core.Preprocessing;

namespace KukaPortal.Core.Tests.Preprocessing;

public class MutualInformationTests
{
    private const int Rows = 2000;
    private static readonly bool[] Labels = [.. Enumerable.Range(0, Rows).Select(i => i % 2 == 0)];

    [Fact]
    public void A_channel_equal_to_the_label_carries_the_labels_whole_entropy()
    {
        float[] label = [.. Labels.Select(l => l ? 1f : 0f)];

        // Balanced labels: H(Y) = ln 2 = 0.693 nats, the most any channel can share with them.
        MutualInformation.WithLabel(label, Labels).ShouldBe(Math.Log(2), 0.01);
    }

    [Fact]
    public void An_independent_noise_channel_scores_about_zero()
    {
        var random = new Random(5);
        float[] noise = [.. Labels.Select(_ => (float)TestData.Gaussian(random))];

        // The k-NN estimate of a zero MI scatters by about ±0.01 nats at 2000 rows (negative ones clip to 0).
        MutualInformation.WithLabel(noise, Labels).ShouldBeLessThan(0.03);
    }

    [Fact]
    public void A_noisy_copy_of_the_label_scores_in_between()
    {
        var random = new Random(6);
        float[] noisy = [.. Labels.Select(l => (l ? 1f : 0f) + (float)TestData.Gaussian(random))];

        // Two unit-variance normals one σ apart share about 0.2 nats with the label.
        MutualInformation.WithLabel(noisy, Labels).ShouldBeInRange(0.1, 0.3);
    }

    [Fact]
    public void A_label_that_never_changes_shares_nothing() =>
        MutualInformation.WithLabel([1, 2, 3, 4], [false, false, false, false]).ShouldBe(0);

    [Fact]
    public void Repeated_values_do_not_break_the_estimate()
    {
        // Quantised sensor data: only three distinct values, independent of the label.
        float[] steps = [.. Enumerable.Range(0, Rows).Select(i => (float)(i / 7 % 3))];

        MutualInformation.WithLabel(steps, Labels).ShouldBeLessThan(0.03);
    }
}

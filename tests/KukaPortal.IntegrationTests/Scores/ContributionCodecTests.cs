using System.Buffers.Binary;
using KukaPortal.Data.Scores;

namespace KukaPortal.IntegrationTests.Scores;

/// <summary>The float16 shares, checked against the exact quotient error / sum of errors computed in double.</summary>
public class ContributionCodecTests
{
    /// <summary>One float16 step at the share's size: the codec may round to float first, which can move it by one.</summary>
    private static double Step(double share) => share < 1.0 / 16384 ? Math.Pow(2, -24) : Math.Pow(2, Math.Floor(Math.Log2(share)) - 10);

    [Fact]
    public void Every_share_is_the_exact_quotient_to_within_one_float16_step_over_many_magnitudes()
    {
        var random = new Random(7);
        for (var row = 0; row < 500; row++)
        {
            // 86 channels (the robot), some rows wider than the vector lanes' multiples, errors from 1e-6 to 100.
            var errors = Enumerable.Range(0, 86 + row % 5).Select(_ => (float)(random.NextDouble() * Math.Pow(10, random.Next(-6, 3)))).ToArray();
            var sum = errors.Sum(e => (double)e);

            var shares = ContributionCodec.Decode(ContributionCodec.Encode(errors).ShouldNotBeNull());

            shares.Length.ShouldBe(errors.Length);
            for (var c = 0; c < errors.Length; c++)
            {
                var exact = errors[c] / sum;
                Math.Abs(shares[c] - exact).ShouldBeLessThanOrEqualTo(Step(exact), $"row {row}, channel {c}");
            }
        }
    }

    [Fact]
    public void Shares_are_stored_little_endian_two_bytes_each()
    {
        var bytes = ContributionCodec.Encode([1f, 3f]).ShouldNotBeNull();

        bytes.Length.ShouldBe(2 * ContributionCodec.BytesPerChannel);
        BinaryPrimitives.ReadHalfLittleEndian(bytes).ShouldBe((Half)0.25f);
        BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(2)).ShouldBe((Half)0.75f);
    }

    [Fact]
    public void Errors_so_small_that_the_reciprocal_of_their_sum_overflows_float_still_give_their_shares()
    {
        var tiny = float.Epsilon; // 1.4e-45: 1 / (3 × tiny) is far beyond float's range

        var shares = ContributionCodec.Decode(ContributionCodec.Encode([tiny, 2 * tiny]).ShouldNotBeNull());

        shares[0].ShouldBe(1f / 3, Step(1.0 / 3));
        shares[1].ShouldBe(2f / 3, Step(2.0 / 3));
    }

    [Theory]
    [InlineData(new float[0])]
    [InlineData(new[] { 0f, 0f })]
    [InlineData(new[] { 1f, float.NaN })]
    [InlineData(new[] { 1f, float.PositiveInfinity })]
    [InlineData(new[] { 1f, -0.5f })]
    public void Errors_without_meaningful_shares_store_none(float[] errors) =>
        ContributionCodec.Encode(errors).ShouldBeNull();
}

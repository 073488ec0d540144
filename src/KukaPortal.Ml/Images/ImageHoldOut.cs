namespace KukaPortal.Ml.Images;

/// <summary>
/// A seeded random split of the normal images into those the model trains on and those held out to normalise the
/// score terms and set the threshold. Images are independent (unlike overlapping windows), so a shuffle suffices.
/// </summary>
internal sealed record ImageHoldOut(int[] Training, int[] HeldOut)
{
    /// <summary>Batch norm needs two training images; min–max normalisation needs two held-out ones to have a range.</summary>
    public const int MinimumEach = 2;

    public static ImageHoldOut Of(int count, double heldOutFraction, int seed)
    {
        var heldOut = (int)Math.Ceiling(count * heldOutFraction);
        var training = count - heldOut;
        if (heldOut < MinimumEach || training < MinimumEach)
            throw new ArgumentException(
                $"{count} normal images with HeldOutFraction {heldOutFraction} leave {training} to train on and {heldOut} to hold out; " +
                $"each needs at least {MinimumEach}. Provide more normal images or change HeldOutFraction.");

        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return new ImageHoldOut(order[heldOut..], order[..heldOut]);
    }
}

namespace KukaPortal.Core.Preprocessing.Numerics;

/// <summary>Binary searches on ascending arrays (the BCL's BinarySearch gives an arbitrary index among equal values).</summary>
internal static class SortedSearch
{
    /// <summary>The index of the first element ≥ x (the length when there is none).</summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double x)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < x) low = middle + 1; else high = middle;
        }
        return low;
    }

    /// <summary>The index of the first element &gt; x (the length when there is none).</summary>
    public static int UpperBound(ReadOnlySpan<double> sorted, double x)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] <= x) low = middle + 1; else high = middle;
        }
        return low;
    }
}

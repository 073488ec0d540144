namespace KukaPortal.Core.Formats;

/// <summary>
/// The fast path for the plain decimals that make up nearly every CSV cell (<c>-12.375</c>, <c>1.5e-3</c>).
/// It gives up (returns 0) on anything else, and the caller falls back to the framework's parser, so
/// results are always exactly what <see cref="float.Parse(string)"/> would give.
/// </summary>
/// <remarks>
/// Why it is exact: a mantissa of at most 2^53 and a power of ten up to 10^22 are both exact doubles, so
/// one IEEE multiplication or division yields the correctly rounded double (Clinger's fast path). Rounding
/// that double to float again is only wrong when the double sits exactly halfway between two floats;
/// that case is detected from its low 29 mantissa bits and handed to the slow path.
/// </remarks>
internal static class Utf8Number
{
    private const int MaxSignificantDigits = 19;
    private const int MaxPowerOfTen = 22;
    private const long FloatHalfwayMask = (1L << 29) - 1;
    private const long FloatHalfwayBits = 1L << 28;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a number at the start of <paramref name="text"/>; returns the bytes it took, or 0 to ask for the slow path.</summary>
    public static int TryParseFloat(ReadOnlySpan<byte> text, out float value)
    {
        var consumed = TryParseExactDouble(text, out var exact);
        if (consumed > 0 && (BitConverter.DoubleToInt64Bits(exact) & FloatHalfwayMask) != FloatHalfwayBits)
        {
            value = (float)exact;
            return consumed;
        }
        value = 0;
        return 0;
    }

    /// <summary>As <see cref="TryParseFloat"/>, for doubles (timestamps): the Clinger result is already correctly rounded.</summary>
    public static int TryParseDouble(ReadOnlySpan<byte> text, out double value) => TryParseExactDouble(text, out value);

    private static int TryParseExactDouble(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var significant = 0;
        var exponent = 0;
        var digits = 0;
        for (; i < text.Length; i++, digits++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9) break;
            if (!Accumulate(ref mantissa, ref significant, d)) return 0;
        }
        if (i < text.Length && text[i] == (byte)'.')
        {
            for (i++; i < text.Length; i++, digits++, exponent--)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9) break;
                if (!Accumulate(ref mantissa, ref significant, d)) return 0;
            }
        }
        if (digits == 0) return 0;

        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            var negativeExponent = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }
            var start = i;
            var written = 0;
            for (; i < text.Length && i - start < 4; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9) break;
                written = written * 10 + (int)d;
            }
            if (i == start || (i < text.Length && (uint)(text[i] - '0') <= 9)) return 0;
            exponent += negativeExponent ? -written : written;
        }

        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return i;
        }
        if (mantissa > 1UL << 53 || exponent < -MaxPowerOfTen || exponent > MaxPowerOfTen) return 0;

        var magnitude = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
        value = negative ? -magnitude : magnitude;
        return i;
    }

    /// <summary>Adds a digit; leading zeros do not count, more than 19 significant digits go to the slow path.</summary>
    private static bool Accumulate(ref ulong mantissa, ref int significant, uint digit)
    {
        if (mantissa == 0 && digit == 0) return true;
        if (significant == MaxSignificantDigits) return false;
        mantissa = mantissa * 10 + digit;
        significant++;
        return true;
    }
}

namespace KukaPortal.Core.Preprocessing.Numerics;

/// <summary>
/// Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method. Hand-written
/// because Core takes no dependencies; PCA only ever needs a channels × channels covariance (≈ 86²),
/// where Jacobi is accurate and fast enough (a few ms).
/// </summary>
public static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Decomposes the n × n row-major symmetric <paramref name="matrix"/> (left untouched).
    /// Returns eigenvalues in descending order and the matching unit eigenvectors as rows of a
    /// row-major n × n array. Each vector's largest-magnitude entry is positive, so results are
    /// reproducible across runs.
    /// </summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int n)
    {
        if (matrix.Length != n * n) throw new ArgumentException($"A {n}×{n} matrix needs {n * n} entries, not {matrix.Length}.");

        var a = (double[])matrix.Clone();
        var v = new double[n * n];
        for (var i = 0; i < n; i++) v[i * n + i] = 1;

        for (var sweep = 0; sweep < MaxSweeps && OffDiagonalNorm(a, n) > 1e-22 * DiagonalNorm(a, n); sweep++)
        {
            for (var p = 0; p < n - 1; p++)
                for (var q = p + 1; q < n; q++)
                    Rotate(a, v, n, p, q);
        }

        return Sorted(a, v, n);
    }

    /// <summary>Applies the plane rotation in (p, q) that zeroes a[p,q]: A ← JᵀAJ, V ← VJ.</summary>
    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        var apq = a[p * n + q];
        if (apq == 0) return;

        // θ = cot 2φ; t = tan φ is the smaller root of t² + 2tθ − 1 = 0, which keeps the rotation small.
        var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        var t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        var c = 1 / Math.Sqrt(t * t + 1);
        var s = t * c;

        a[p * n + p] -= t * apq;
        a[q * n + q] += t * apq;
        a[p * n + q] = a[q * n + p] = 0;
        for (var r = 0; r < n; r++)
        {
            if (r != p && r != q)
            {
                var arp = a[r * n + p];
                var arq = a[r * n + q];
                a[r * n + p] = a[p * n + r] = c * arp - s * arq;
                a[r * n + q] = a[q * n + r] = s * arp + c * arq;
            }
            var vrp = v[r * n + p];
            var vrq = v[r * n + q];
            v[r * n + p] = c * vrp - s * vrq;
            v[r * n + q] = s * vrp + c * vrq;
        }
    }

    private static (double[] Values, double[] Vectors) Sorted(double[] a, double[] v, int n)
    {
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i * n + i]).ToArray();
        var values = new double[n];
        var vectors = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            var column = order[k];
            values[k] = a[column * n + column];
            var largest = 0;
            for (var r = 1; r < n; r++)
                if (Math.Abs(v[r * n + column]) > Math.Abs(v[largest * n + column])) largest = r;
            var sign = v[largest * n + column] < 0 ? -1 : 1;
            for (var r = 0; r < n; r++)
                vectors[k * n + r] = sign * v[r * n + column];
        }
        return (values, vectors);
    }

    private static double OffDiagonalNorm(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j) sum += a[i * n + j] * a[i * n + j];
        return sum;
    }

    private static double DiagonalNorm(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += a[i * n + i] * a[i * n + i];
        // An all-zero matrix is already diagonal; the floor stops a 0 > 0 comparison from looping.
        return Math.Max(sum, double.Epsilon);
    }
}

using KukaPortal.Core.Preprocessing.Numerics;

namespace KukaPortal.Core.Tests.Preprocessing.Numerics;

public class SymmetricEigenTests
{
    [Fact]
    public void Decomposes_a_two_by_two_matrix()
    {
        // [[2, 1], [1, 2]]: eigenvalues 3 along (1, 1)/√2 and 1 along (1, −1)/√2
        var (values, vectors) = SymmetricEigen.Decompose([2, 1, 1, 2], 2);

        values.ShouldBe([3, 1], 1e-12);
        var h = Math.Sqrt(0.5);
        vectors.ShouldBe([h, h, h, -h], 1e-12);
    }

    [Fact]
    public void Gives_orthonormal_eigenvectors_in_descending_order()
    {
        const int n = 6;
        var random = new Random(3);
        var matrix = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = i; j < n; j++)
                matrix[i * n + j] = matrix[j * n + i] = random.NextDouble() * 4 - 2;

        var (values, vectors) = SymmetricEigen.Decompose(matrix, n);

        values.ShouldBe(values.OrderByDescending(v => v).ToArray());
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                // (A v)_i = λ v_i
                var av = Enumerable.Range(0, n).Sum(j => matrix[i * n + j] * vectors[k * n + j]);
                av.ShouldBe(values[k] * vectors[k * n + i], 1e-10);
            }
            for (var l = 0; l < n; l++)
                Enumerable.Range(0, n).Sum(j => vectors[k * n + j] * vectors[l * n + j]).ShouldBe(k == l ? 1 : 0, 1e-10);
        }
    }

    [Fact]
    public void A_zero_matrix_has_zero_eigenvalues()
    {
        var (values, _) = SymmetricEigen.Decompose(new double[9], 3);

        values.ShouldBe([0, 0, 0]);
    }
}

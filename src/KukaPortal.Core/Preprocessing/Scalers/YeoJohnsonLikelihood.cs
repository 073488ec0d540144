namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// The Yeo-Johnson profile log-likelihood of one channel, prepared for the ~30 evaluations a λ
/// search makes: ln(1 + |y|) and the log-Jacobian do not depend on λ, so they are computed once,
/// and each evaluation costs one Exp per value, since (1 + |y|)^μ = exp(μ · ln(1 + |y|)).
/// </summary>
internal sealed class YeoJohnsonLikelihood
{
    private readonly double[] _logs;      // ln(1 + |y|)
    private readonly bool[] _negative;
    private readonly double _jacobian;    // Σ sign(y) ln(1 + |y|)

    public YeoJohnsonLikelihood(IReadOnlyList<double> values)
    {
        _logs = new double[values.Count];
        _negative = new bool[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            _negative[i] = values[i] < 0;
            _logs[i] = Math.Log(1 + Math.Abs(values[i]));
            _jacobian += _negative[i] ? -_logs[i] : _logs[i];
        }
    }

    /// <summary>−n/2 · ln σ²(ψ(λ, y)) + (λ − 1) · Σ sign(y) ln(1 + |y|), σ² the population variance.</summary>
    public double Evaluate(double lambda)
    {
        // Welford's running mean and variance: stable, and no array of transformed values.
        double mean = 0, squares = 0;
        for (var i = 0; i < _logs.Length; i++)
        {
            var t = _negative[i] ? -PowerMinusOne(2 - lambda, _logs[i]) : PowerMinusOne(lambda, _logs[i]);
            var delta = t - mean;
            mean += delta / (i + 1);
            squares += delta * (t - mean);
        }
        return -_logs.Length / 2.0 * Math.Log(squares / _logs.Length) + (lambda - 1) * _jacobian;
    }

    /// <summary>((1 + |y|)^μ − 1)/μ from ln(1 + |y|), with its limit ln(1 + |y|) at μ = 0.</summary>
    private static double PowerMinusOne(double mu, double log) =>
        Math.Abs(mu) < 1e-12 ? log : (Math.Exp(mu * log) - 1) / mu;
}

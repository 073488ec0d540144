using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>Paper 000's best rows on the real KUKA data (Tables I and II), printed above each table for comparison.</summary>
internal static class PaperReference
{
    public sealed record Row(int Window, int Latent, double? Lambda, double Ap, double F1Max, double Recall, int Iterations);

    public static Row? For(ModelFamily family) => family switch
    {
        ModelFamily.ConvAe => new Row(30, 30, null, 79.43, 75.25, 77.53, 5000),
        ModelFamily.ConvAae => new Row(30, 30, 1e-3, 83.56, 80.81, 81.46, 7000),
        _ => null,
    };
}

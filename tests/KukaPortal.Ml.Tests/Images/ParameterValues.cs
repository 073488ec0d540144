using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

/// <summary>Copies of a module's parameters, to tell which ones a training step moved.</summary>
internal static class ParameterValues
{
    public static Dictionary<string, float[]> Of(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());

    /// <summary>Names of the parameters whose values differ from <paramref name="before"/>.</summary>
    public static List<string> Changed(Dictionary<string, float[]> before, nn.Module module) =>
        Of(module).Where(p => !before[p.Key].SequenceEqual(p.Value)).Select(p => p.Key).ToList();
}

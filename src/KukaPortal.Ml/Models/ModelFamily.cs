using System.Text.Json.Serialization;

namespace KukaPortal.Ml.Models;

/// <summary>
/// The detector families. The JSON names are the CLI's <c>--model</c> values and the <c>family</c> of a .kpm
/// artifact, so they are stable: renaming one orphans every saved model of that family.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelFamily>))]
public enum ModelFamily
{
    /// <summary>Paper 000's 1-D convolutional autoencoder (DCGAN rules).</summary>
    [JsonStringEnumMemberName("conv-ae")] ConvAe,

    /// <summary>Paper 000's adversarial autoencoder: the conv AE trained against a conv discriminator (feature matching, R1).</summary>
    [JsonStringEnumMemberName("aae")] ConvAae,

    /// <summary>Paper 001's AE-1: flattened window, Dense 64 → 32 with ReLU, sigmoid output.</summary>
    [JsonStringEnumMemberName("dense-ae")] DenseAe,

    /// <summary>Paper 001's AE-2: Dense + BatchNorm + ReLU blocks (64, 32), mirrored, sigmoid output.</summary>
    [JsonStringEnumMemberName("dense-ae-bn")] DenseAeBn,

    /// <summary>Paper 001's AE-1 trained against its dense discriminator.</summary>
    [JsonStringEnumMemberName("dense-aae")] DenseAae,

    /// <summary>Classical baseline: PCA fitted on normal rows, scored by Hotelling T² and the Q (SPE) residual.</summary>
    [JsonStringEnumMemberName("pca")] Pca,
}

namespace KukaPortal.Web.Training;

/// <summary>
/// A training request that cannot be trained, with the sentence the user reads: 400 when the request itself
/// is malformed (nothing chosen, an unknown family or strategy), 422 when it is well formed but does not fit
/// the asset's data (a recording of another asset, no labels, a window the model cannot take).
/// </summary>
public sealed class TrainingRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static TrainingRequestException Malformed(string message) => new(StatusCodes.Status400BadRequest, message);

    public static TrainingRequestException Unprocessable(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
}

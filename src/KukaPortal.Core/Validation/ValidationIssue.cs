namespace KukaPortal.Core.Validation;

/// <summary>
/// One problem found in a file. <see cref="Code"/> is stable for programs (<c>notANumber</c>,
/// <c>channelSetMismatch</c>, <c>constantChannel</c>, …); <see cref="Message"/> is for people and already
/// says where. <see cref="Line"/> is a line of a text file (1 = header), <see cref="Row"/> a data row
/// (1 = first row), <see cref="Column"/> a column of the file and <see cref="Channel"/> a decoded channel.
/// </summary>
public sealed record ValidationIssue(string Code, string Message)
{
    public long? Line { get; init; }
    public long? Row { get; init; }
    public string? Column { get; init; }
    public string? Channel { get; init; }
}

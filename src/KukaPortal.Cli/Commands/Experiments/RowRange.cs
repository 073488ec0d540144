namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>The rows [Start, End) of a recording that one part of a split owns.</summary>
public readonly record struct RowRange(int Start, int End)
{
    public int Rows => End - Start;

    public override string ToString() => $"rows {Start}–{End}";
}

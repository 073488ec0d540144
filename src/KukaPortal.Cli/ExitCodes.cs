namespace KukaPortal.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line itself is wrong (unknown option, bad value).</summary>
    public const int Usage = 1;

    /// <summary>The input was looked at and rejected (e.g. a recording that fails validation).</summary>
    public const int Rejected = 2;
}

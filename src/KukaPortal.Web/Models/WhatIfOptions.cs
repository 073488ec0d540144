namespace KukaPortal.Web.Models;

public sealed class WhatIfOptions
{
    public const string Section = "WhatIf";

    /// <summary>
    /// A what-if replay re-scores at most this many windows (counted at the smaller window length of the
    /// two models), taking the newest scoring recordings first, so one replay stays a few minutes of torch time.
    /// </summary>
    public int MaxWindows { get; set; } = 50_000;
}

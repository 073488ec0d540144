namespace KukaPortal.Web.Monitoring;

public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>
    /// Shortest time between two window pushes of one asset: the first windows after a quiet spell go out
    /// at once, later ones are gathered and sent together, so a dashboard gets a few pushes a second at most.
    /// </summary>
    public TimeSpan WindowInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Prefix of the Redis channels of the backplane (with <c>ConnectionStrings:Redis</c> set): portals
    /// that share a Redis but not a database must use different prefixes.
    /// </summary>
    public string RedisChannelPrefix { get; set; } = "kukaportal";
}

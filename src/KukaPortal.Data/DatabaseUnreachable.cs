using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace KukaPortal.Data;

/// <summary>
/// Tells an outage (the retries ran out, or a transient connection error) from a real error, so a caller can say
/// "not saved, the database is unreachable, try again" instead of failing as if the request were wrong.
/// </summary>
public static class DatabaseUnreachable
{
    public const string Message = "Not saved — the database is unreachable; try again.";

    public static bool Is(Exception e) => e switch
    {
        RetryLimitExceededException => true,
        NpgsqlException { IsTransient: true } => true,
        TimeoutException => true,
        { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}

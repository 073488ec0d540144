using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data;

/// <summary>
/// The one way to run a unit of work in a transaction. The retrying execution strategy (see
/// <see cref="DatabaseRetryOptions"/>) refuses transactions it does not own, because after a transient failure it
/// must re-run the whole unit, not its last statement. So the unit re-runs from the start on a fresh change tracker
/// and must re-read everything it changes inside <paramref name="work"/>; anything outside the database (pushes,
/// files, in-memory state) belongs after this returns, when the commit has happened.
/// Raw Npgsql work (COPY) joins the same transaction through <c>db.Database.GetDbConnection()</c>.
/// </summary>
public static class PortalTransactions
{
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async attemptCt =>
        {
            // A failed attempt may have left entities tracked (or accepted after a commit that failed): start clean.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(attemptCt);
            var result = await work(attemptCt);
            await transaction.CommitAsync(attemptCt);
            return result;
        }, ct);

    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken ct) =>
        db.InTransactionAsync(async attemptCt =>
        {
            await work(attemptCt);
            return true;
        }, ct);
}

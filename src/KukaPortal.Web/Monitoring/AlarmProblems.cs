using KukaPortal.Data;
using KukaPortal.Core.Alarms;

namespace KukaPortal.Web.Monitoring;

/// <summary>Turns the alarm rules' refusals into ProblemDetails with the rule's own sentence.</summary>
internal static class AlarmProblems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(title: "The request is not valid.", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>
    /// Runs an alarm operation; a refusal by the state machine becomes 409 Conflict with its message, and a database
    /// outage that outlasted the retries 503 (nothing was saved: the transaction never committed), never a silent drop.
    /// </summary>
    public static async Task<IResult> RunAsync(Func<Task<IResult>> operation)
    {
        try
        {
            return await operation();
        }
        catch (AlarmRuleViolationException e)
        {
            return Results.Problem(title: "Not allowed in the current alarm state.", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (Exception e) when (DatabaseUnreachable.Is(e))
        {
            return Results.Problem(title: "The database is unreachable.", detail: DatabaseUnreachable.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

using KukaPortal.Core.Alarms;
using static KukaPortal.Core.Alarms.AlarmOperation;

namespace KukaPortal.Core.Tests.Alarms;

/// <summary>
/// Every operation from every reachable status. A status is written as state plus "+" (condition
/// active) or "-" (cleared): Normal and ReturnedUnacknowledged are always "-", the two active states
/// always "+", and shelved, out-of-service and suppressed alarms can be either.
/// </summary>
public class AlarmLifecycleTests
{
    private const string NotShelved = "Only a shelved alarm can be unshelved; this one is ";
    private const string NotOutOfService = "Only an alarm that is out of service can be returned to service; this one is ";
    private const string NotSuppressed = "Only a suppressed alarm can be unsuppressed; this one is ";

    public static TheoryData<string, AlarmOperation, string> Legal => new()
    {
        { "Normal-", Raise, "ActiveUnacknowledged+" },
        { "Normal-", ReturnToNormal, "Normal-" },
        { "Normal-", Acknowledge, "Normal-" },
        { "Normal-", Shelve, "Shelved-" },
        { "Normal-", RemoveFromService, "OutOfService-" },
        { "Normal-", Suppress, "SuppressedByDesign-" },

        { "ActiveUnacknowledged+", Raise, "ActiveUnacknowledged+" },
        { "ActiveUnacknowledged+", ReturnToNormal, "ReturnedUnacknowledged-" },
        { "ActiveUnacknowledged+", Acknowledge, "ActiveAcknowledged+" },
        { "ActiveUnacknowledged+", Shelve, "Shelved+" },
        { "ActiveUnacknowledged+", RemoveFromService, "OutOfService+" },
        { "ActiveUnacknowledged+", Suppress, "SuppressedByDesign+" },

        { "ActiveAcknowledged+", Raise, "ActiveAcknowledged+" },
        { "ActiveAcknowledged+", ReturnToNormal, "Normal-" },
        { "ActiveAcknowledged+", Acknowledge, "ActiveAcknowledged+" },
        { "ActiveAcknowledged+", Shelve, "Shelved+" },
        { "ActiveAcknowledged+", RemoveFromService, "OutOfService+" },
        { "ActiveAcknowledged+", Suppress, "SuppressedByDesign+" },

        { "ReturnedUnacknowledged-", Raise, "ActiveUnacknowledged+" },
        { "ReturnedUnacknowledged-", ReturnToNormal, "ReturnedUnacknowledged-" },
        { "ReturnedUnacknowledged-", Acknowledge, "Normal-" },
        { "ReturnedUnacknowledged-", Shelve, "Shelved-" },
        { "ReturnedUnacknowledged-", RemoveFromService, "OutOfService-" },
        { "ReturnedUnacknowledged-", Suppress, "SuppressedByDesign-" },

        { "Shelved+", Raise, "Shelved+" },
        { "Shelved+", ReturnToNormal, "Shelved-" },
        { "Shelved+", Shelve, "Shelved+" },
        { "Shelved+", Unshelve, "ActiveUnacknowledged+" },
        { "Shelved+", RemoveFromService, "OutOfService+" },
        { "Shelved+", Suppress, "SuppressedByDesign+" },

        { "Shelved-", Raise, "Shelved+" },
        { "Shelved-", ReturnToNormal, "Shelved-" },
        { "Shelved-", Shelve, "Shelved-" },
        { "Shelved-", Unshelve, "Normal-" },
        { "Shelved-", RemoveFromService, "OutOfService-" },
        { "Shelved-", Suppress, "SuppressedByDesign-" },

        { "OutOfService+", Raise, "OutOfService+" },
        { "OutOfService+", ReturnToNormal, "OutOfService-" },
        { "OutOfService+", RemoveFromService, "OutOfService+" },
        { "OutOfService+", ReturnToService, "ActiveUnacknowledged+" },

        { "OutOfService-", Raise, "OutOfService+" },
        { "OutOfService-", ReturnToNormal, "OutOfService-" },
        { "OutOfService-", RemoveFromService, "OutOfService-" },
        { "OutOfService-", ReturnToService, "Normal-" },

        { "SuppressedByDesign+", Raise, "SuppressedByDesign+" },
        { "SuppressedByDesign+", ReturnToNormal, "SuppressedByDesign-" },
        { "SuppressedByDesign+", RemoveFromService, "OutOfService+" },
        { "SuppressedByDesign+", Suppress, "SuppressedByDesign+" },
        { "SuppressedByDesign+", Unsuppress, "ActiveUnacknowledged+" },

        { "SuppressedByDesign-", Raise, "SuppressedByDesign+" },
        { "SuppressedByDesign-", ReturnToNormal, "SuppressedByDesign-" },
        { "SuppressedByDesign-", RemoveFromService, "OutOfService-" },
        { "SuppressedByDesign-", Suppress, "SuppressedByDesign-" },
        { "SuppressedByDesign-", Unsuppress, "Normal-" },
    };

    public static TheoryData<string, AlarmOperation, string> Illegal => new()
    {
        { "Normal-", Unshelve, NotShelved + "normal." },
        { "Normal-", ReturnToService, NotOutOfService + "normal." },
        { "Normal-", Unsuppress, NotSuppressed + "normal." },

        { "ActiveUnacknowledged+", Unshelve, NotShelved + "active and unacknowledged." },
        { "ActiveUnacknowledged+", ReturnToService, NotOutOfService + "active and unacknowledged." },
        { "ActiveUnacknowledged+", Unsuppress, NotSuppressed + "active and unacknowledged." },

        { "ActiveAcknowledged+", Unshelve, NotShelved + "active and acknowledged." },
        { "ActiveAcknowledged+", ReturnToService, NotOutOfService + "active and acknowledged." },
        { "ActiveAcknowledged+", Unsuppress, NotSuppressed + "active and acknowledged." },

        { "ReturnedUnacknowledged-", Unshelve, NotShelved + "returned to normal but unacknowledged." },
        { "ReturnedUnacknowledged-", ReturnToService, NotOutOfService + "returned to normal but unacknowledged." },
        { "ReturnedUnacknowledged-", Unsuppress, NotSuppressed + "returned to normal but unacknowledged." },

        { "Shelved+", Acknowledge, "A shelved alarm cannot be acknowledged; unshelve it first." },
        { "Shelved+", ReturnToService, NotOutOfService + "shelved." },
        { "Shelved+", Unsuppress, NotSuppressed + "shelved." },
        { "Shelved-", Acknowledge, "A shelved alarm cannot be acknowledged; unshelve it first." },
        { "Shelved-", ReturnToService, NotOutOfService + "shelved." },
        { "Shelved-", Unsuppress, NotSuppressed + "shelved." },

        { "OutOfService+", Acknowledge, "An alarm that is out of service cannot be acknowledged." },
        { "OutOfService+", Shelve, "An alarm that is out of service cannot be shelved." },
        { "OutOfService+", Unshelve, NotShelved + "out of service." },
        { "OutOfService+", Suppress, "An alarm that is out of service cannot be suppressed; return it to service first." },
        { "OutOfService+", Unsuppress, NotSuppressed + "out of service." },
        { "OutOfService-", Acknowledge, "An alarm that is out of service cannot be acknowledged." },
        { "OutOfService-", Shelve, "An alarm that is out of service cannot be shelved." },
        { "OutOfService-", Unshelve, NotShelved + "out of service." },
        { "OutOfService-", Suppress, "An alarm that is out of service cannot be suppressed; return it to service first." },
        { "OutOfService-", Unsuppress, NotSuppressed + "out of service." },

        { "SuppressedByDesign+", Acknowledge, "A suppressed alarm cannot be acknowledged." },
        { "SuppressedByDesign+", Shelve, "A suppressed alarm cannot be shelved." },
        { "SuppressedByDesign+", Unshelve, NotShelved + "suppressed by design." },
        { "SuppressedByDesign+", ReturnToService, NotOutOfService + "suppressed by design." },
        { "SuppressedByDesign-", Acknowledge, "A suppressed alarm cannot be acknowledged." },
        { "SuppressedByDesign-", Shelve, "A suppressed alarm cannot be shelved." },
        { "SuppressedByDesign-", Unshelve, NotShelved + "suppressed by design." },
        { "SuppressedByDesign-", ReturnToService, NotOutOfService + "suppressed by design." },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void Legal_transition(string from, AlarmOperation operation, string to)
    {
        var transition = Apply(Parse(from), operation);

        transition.Status.ShouldBe(Parse(to));
        // A repeat (or a condition change the state already shows) records nothing.
        transition.Changed.ShouldBe(from != to);
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Illegal_transition(string from, AlarmOperation operation, string message)
    {
        var error = Should.Throw<IllegalAlarmTransitionException>(() => Apply(Parse(from), operation));

        error.Message.ShouldBe(message);
        error.Operation.ShouldBe(operation);
        error.State.ShouldBe(Parse(from).State);
    }

    [Fact]
    public void The_tables_cover_every_operation_from_every_status()
    {
        var covered = Legal.Concat(Illegal).Select(row => (row.Data.Item1, row.Data.Item2)).ToList();

        covered.Count.ShouldBe(10 * Enum.GetValues<AlarmOperation>().Length);
        covered.Distinct().Count().ShouldBe(covered.Count);
    }

    private static AlarmTransition Apply(AlarmStatus status, AlarmOperation operation) => operation switch
    {
        Raise => AlarmLifecycle.Raise(status),
        ReturnToNormal => AlarmLifecycle.ReturnToNormal(status),
        Acknowledge => AlarmLifecycle.Acknowledge(status),
        Shelve => AlarmLifecycle.Shelve(status),
        Unshelve => AlarmLifecycle.Unshelve(status),
        RemoveFromService => AlarmLifecycle.RemoveFromService(status),
        ReturnToService => AlarmLifecycle.ReturnToService(status),
        Suppress => AlarmLifecycle.Suppress(status),
        Unsuppress => AlarmLifecycle.Unsuppress(status),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static AlarmStatus Parse(string text) =>
        new(Enum.Parse<AlarmState>(text[..^1]), text[^1] == '+');
}

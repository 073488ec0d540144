namespace KukaPortal.Data.Models;

public enum ModelChangeProblem { AssetNotFound, ModelNotFound, AlreadyActive, NoPreviousModel }

/// <summary>A promotion or roll-back that cannot happen; the message says why in words a person understands.</summary>
public sealed class ModelChangeException(ModelChangeProblem problem, string message) : Exception(message)
{
    public ModelChangeProblem Problem { get; } = problem;
}

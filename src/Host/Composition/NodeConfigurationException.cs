namespace ActorTrading.Host.Composition;

/// <summary>The node's settings are invalid: every problem is listed, and the node does not start.</summary>
public sealed class NodeConfigurationException(IReadOnlyList<string> problems)
    : Exception("Invalid node configuration:\n  - " + string.Join("\n  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

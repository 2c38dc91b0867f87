namespace ActorTrading.Runtime.Diagnostics;

/// <summary>Spawning with a name that a live process already has.</summary>
public sealed class ProcessNameExistsException(string id) : Exception($"a process named '{id}' already exists")
{
    public string Id { get; } = id;
}

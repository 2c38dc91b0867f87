namespace ActorTrading.Storage.Tests.Faults;

/// <summary>Tests that stop and restart servers: run one at a time, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults (servers stopped and restarted)";
}

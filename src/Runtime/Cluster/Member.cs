namespace ActorTrading.Runtime.Cluster;

/// <summary>A node of the cluster: a stable id and the address of its actor system.</summary>
public sealed record Member(string Id, string Address);

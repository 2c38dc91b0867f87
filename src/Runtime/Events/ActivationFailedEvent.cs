using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Runtime.Events;

/// <summary>A virtual actor could not be activated: its kind's producer threw.</summary>
public sealed record ActivationFailedEvent(ClusterIdentity Identity, Exception Reason);

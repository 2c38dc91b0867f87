namespace ActorTrading.Actors.Diagnostics;

/// <summary>
/// Local diagnostics → account or symbol actor: how many stream subscribers it holds now, answered with
/// <see cref="SubscriberCount"/>. Lets the node (and its tests) prove that a cancelled API stream really unsubscribed on
/// the actor's side, not only on the client's. Never crosses nodes.
/// </summary>
public sealed record CountSubscribers
{
    public static readonly CountSubscribers Instance = new();
}

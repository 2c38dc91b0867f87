namespace ActorTrading.Actors.Diagnostics;

/// <summary>Account or symbol actor → asker of <see cref="CountSubscribers"/>: the stream subscribers it holds now.</summary>
public sealed record SubscriberCount(int Count);

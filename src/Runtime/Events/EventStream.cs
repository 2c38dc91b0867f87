namespace ActorTrading.Runtime.Events;

/// <summary>
/// Publish/subscribe by type inside one actor system (dead letters, dropped messages, cluster
/// events, or the application's own). Handlers run on the publisher's thread and must be quick;
/// to handle an event in an actor, subscribe with a handler that sends to its PID. A throwing
/// handler does not stop delivery to the others.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private Subscription[] _subscriptions = [];

    public Subscription Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new TypedSubscription<T>(this, handler);
        lock (_lock) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    /// <summary>Sends each event of type <typeparamref name="T"/> to <paramref name="target"/>.</summary>
    public Subscription Subscribe<T>(ActorSystem system, PID target) =>
        Subscribe<T>(evt => target.SendUserMessage(system, evt!));

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    public void Publish(object evt)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            try
            {
                subscription.Deliver(evt);
            }
            catch (Exception)
            {
                // A subscriber's bug must not break the publisher (often the runtime itself).
            }
        }
    }

    internal void Unsubscribe(Subscription subscription)
    {
        lock (_lock) _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
    }
}

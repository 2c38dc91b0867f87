namespace ActorTrading.Runtime.Events;

internal sealed class TypedSubscription<T>(EventStream stream, Action<T> handler) : Subscription(stream)
{
    internal override void Deliver(object evt)
    {
        if (evt is T typed) handler(typed);
    }
}

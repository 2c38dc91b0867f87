namespace ActorTrading.Runtime.Events;

/// <summary>A subscription to the <see cref="EventStream"/>; dispose to unsubscribe.</summary>
public abstract class Subscription : IDisposable
{
    private EventStream? _stream;

    internal Subscription(EventStream stream) => _stream = stream;

    internal abstract void Deliver(object evt);

    public void Dispose() => Interlocked.Exchange(ref _stream, null)?.Unsubscribe(this);
}

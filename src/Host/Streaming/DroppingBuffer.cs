using System.Threading.Channels;

namespace ActorTrading.Host.Streaming;

/// <summary>Keeps the newest <c>capacity</c> items: when full, the oldest is dropped and counted.</summary>
public sealed class DroppingBuffer<T> : IStreamBuffer<T> where T : class
{
    private readonly Channel<T> _channel;
    private long _dropped;

    public DroppingBuffer(int capacity, Action? dropped = null)
    {
        _channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => { Interlocked.Increment(ref _dropped); dropped?.Invoke(); });
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Offer(T item) => _channel.Writer.TryWrite(item);

    public void Fail(Exception error) => _channel.Writer.TryComplete(error);

    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

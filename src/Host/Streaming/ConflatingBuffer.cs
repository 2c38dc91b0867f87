using System.Runtime.CompilerServices;

namespace ActorTrading.Host.Streaming;

/// <summary>
/// Keeps only the latest item per key (e.g. per symbol): a reader that falls behind gets the newest value of each key
/// once, in the order the keys first became pending. Memory is bounded by the number of keys; replaced items are counted.
/// </summary>
public sealed class ConflatingBuffer<T>(Func<T, string> keyOf, Action? conflated = null) : IStreamBuffer<T> where T : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, T> _latest = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _error;
    private long _conflated;

    public long Conflated => Interlocked.Read(ref _conflated);

    public void Offer(T item)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            var key = keyOf(item);
            if (_latest.ContainsKey(key)) { _conflated++; conflated?.Invoke(); }
            else _order.Enqueue(key);
            _latest[key] = item;
            signal = _signal;
        }
        signal.TrySetResult();
    }

    public void Fail(Exception error)
    {
        TaskCompletionSource signal;
        lock (_lock) { _error ??= error; signal = _signal; }
        signal.TrySetResult();
    }

    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            T? next = null;
            Task wait;
            lock (_lock)
            {
                if (_order.TryDequeue(out var key)) { next = _latest[key]; _latest.Remove(key); }
                else if (_error is not null) throw _error;
                if (_signal.Task.IsCompleted) _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _signal.Task;
            }
            if (next is not null) { yield return next; continue; }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.Diagnostics;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>
/// A dedicated thread for the few actors on the tick-to-order path: when out of work it spins for
/// <c>spinDuration</c> (no kernel transition, so a message arriving meanwhile is picked up in
/// nanoseconds) and only then parks on a semaphore. It trades one busy core for latency.
/// </summary>
public sealed class LatencyDispatcher : IDispatcher, IDisposable
{
    private readonly MpscQueue<MailboxBase, PaddedIndexes> _ready = new(64);   // fed by other cores: padded
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _thread;
    private readonly long _spinTicks;
    private int _parked;
    private volatile bool _disposed;

    public LatencyDispatcher(string name = "latency-dispatcher", TimeSpan? spinDuration = null, int throughput = 300)
    {
        Throughput = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));
        var spin = spinDuration ?? TimeSpan.FromMilliseconds(1);
        _spinTicks = (long)(spin.TotalSeconds * Stopwatch.Frequency);
        _thread = new Thread(Loop) { IsBackground = true, Name = name, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public int Throughput { get; }

    public void Schedule(MailboxBase mailbox)
    {
        _ready.Enqueue(mailbox); // full fence before reading _parked
        if (Volatile.Read(ref _parked) == 1 && Interlocked.Exchange(ref _parked, 0) == 1) _wake.Release();
    }

    private void Loop()
    {
        while (!_disposed)
        {
            if (_ready.TryDequeue(out var mailbox))
            {
                mailbox!.Run();
                continue;
            }
            if (SpinForWork()) continue;
            Interlocked.Exchange(ref _parked, 1);
            if (_ready.HasItems || _disposed)
            {
                if (Interlocked.Exchange(ref _parked, 0) == 0) _wake.Wait(); // a producer released: consume it
                continue;
            }
            _wake.Wait();
        }
    }

    private bool SpinForWork()
    {
        var start = Stopwatch.GetTimestamp();
        var spins = 0;
        while (Stopwatch.GetTimestamp() - start < _spinTicks)
        {
            if (_ready.HasItems) return true;
            Thread.SpinWait(++spins < 10 ? 1 : 20);
        }
        return false;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _wake.Release();
        if (Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(5));
        _wake.Dispose();
    }
}

using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// The scheduling half of every mailbox: a lock-free system queue served before user messages,
/// an idle/busy status flipped by compare-and-swap so a mailbox is scheduled at most once, and a
/// run loop that processes a batch of <see cref="IDispatcher.Throughput"/> user messages. The
/// mailbox itself is the thread-pool work item, so scheduling allocates nothing.
/// Subclasses supply the user queue.
/// </summary>
public abstract partial class MailboxBase : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Busy = 1;

    private readonly MpscLinkedQueue<object> _systemQueue = new();
    private IMessageInvoker _invoker = null!;
    private IDispatcher _dispatcher = null!;
    private int _status;
    private volatile bool _suspended;

    /// <summary>Number of user messages waiting.</summary>
    public abstract int Count { get; }

    protected abstract EnqueueResult EnqueueUser(object message, out object? evicted);
    protected abstract bool TryDequeueUser(out object? message);
    protected abstract bool HasUserMessages { get; }

    /// <summary>The policy reported for evicted or refused messages.</summary>
    protected virtual OverflowPolicy Policy => OverflowPolicy.DropNewest;

    public void RegisterHandlers(IMessageInvoker invoker, IDispatcher dispatcher)
    {
        _invoker = invoker;
        _dispatcher = dispatcher;
    }

    public IDispatcher Dispatcher => _dispatcher;

    public void PostSystemMessage(object message)
    {
        _systemQueue.Enqueue(message);
        Schedule();
    }

    /// <summary>Posts a user message; false when a bounded mailbox refused it.</summary>
    public virtual bool PostUserMessage(object message)
    {
        var result = EnqueueUser(message, out var evicted);
        if (result == EnqueueResult.Refused)
        {
            _invoker.MessageDropped(message, Policy);
            return false;
        }
        if (result == EnqueueResult.AcceptedEvicting) _invoker.MessageDropped(evicted!, Policy);
        Interlocked.MemoryBarrier();
        Schedule();
        return true;
    }

    internal void Suspend() => _suspended = true;
    internal void Resume() => _suspended = false;

    /// <summary>Schedules a run unless one is scheduled or running. Callers must have published their
    /// message with a full fence before (an interlocked operation), so the idle check cannot miss it.</summary>
    protected void Schedule()
    {
        if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Busy, Idle) == Idle)
            _dispatcher.Schedule(this);
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (_dispatcher is ThreadPoolDispatcher pool) pool.Execute(this);
        else Run();
    }

    /// <summary>Runs one batch on the calling thread (dispatchers call this).</summary>
    public void Run()
    {
        var invoker = _invoker;
        var throughput = _dispatcher.Throughput;
        var processed = 0;
        while (true)
        {
            if (_systemQueue.TryDequeue(out var system))
            {
                var task = invoker.InvokeSystemMessageAsync(system!);
                if (!task.IsCompletedSuccessfully && Suspends(task, system!)) { Report(processed); return; }
                continue;
            }
            if (_suspended || processed >= throughput || !TryDequeueUser(out var message)) break;
            processed++;
            var userTask = invoker.InvokeUserMessageAsync(message!);
            if (!userTask.IsCompletedSuccessfully && Suspends(userTask, message!)) { Report(processed); return; }
        }
        Report(processed);
        Interlocked.Exchange(ref _status, Idle);
        if (_systemQueue.HasItems || (!_suspended && HasUserMessages)) Schedule();
    }

    private void Report(int processed)
    {
        if (processed != 0) _invoker.MessagesProcessed(processed);
    }
}

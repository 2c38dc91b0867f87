using ActorTrading.Runtime.Diagnostics;
using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Processes;

namespace ActorTrading.Runtime.Future;

/// <summary>
/// The one-shot process behind a request: its PID carries it, so nothing is registered. The first
/// message (or <see cref="Terminated"/>) completes <see cref="Task"/> with the response already
/// converted to <typeparamref name="T"/> (or the matching exception), so there is no extra hop
/// between the responder and the caller. A timeout on the system's clock or the caller's token
/// fails it. Later messages go to dead letters.
/// </summary>
internal sealed class FutureProcess<T> : Process
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;

    public FutureProcess(ActorSystem system, TimeSpan timeout, CancellationToken ct) : base(system)
    {
        Pid = new PID(system.Address, FutureSequence.Next(), this);
        if (ct.CanBeCanceled)
            _registration = ct.UnsafeRegister(static (s, token) => ((FutureProcess<T>)s!).Cancel(token), this);
        if (timeout != Timeout.InfiniteTimeSpan)
            _timer = system.TimeProvider.CreateTimer(static s => ((FutureProcess<T>)s!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public PID Pid { get; }

    public Task<T> Task => _completion.Task;

    public override bool SendUserMessage(PID pid, object message)
    {
        if (!Complete(MessageEnvelope.UnwrapMessage(message))) System.DeadLetter.SendUserMessage(pid, message);
        return true;
    }

    public override void SendSystemMessage(PID pid, object message)
    {
        if (message is Terminated) Complete(message);
    }

    private bool Complete(object response)
    {
        var completed = response switch
        {
            T typed => _completion.TrySetResult(typed),
            DeadLetterResponse dead => _completion.TrySetException(new DeadLetterException(dead.Target)),
            MessageRejected rejected => _completion.TrySetException(new MessageRejectedException(rejected.Target, rejected.Message)),
            Remote.RemoteUnavailableResponse unavailable => _completion.TrySetException(unavailable.ToException()),
            _ => _completion.TrySetException(ThrowHelper.UnexpectedResponse(typeof(T), response)),
        };
        if (completed) Cleanup();
        return completed;
    }

    private void Expire()
    {
        if (_completion.TrySetException(new TimeoutException("the request timed out"))) Cleanup();
    }

    private void Cancel(CancellationToken token)
    {
        if (_completion.TrySetCanceled(token)) Cleanup();
    }

    private void Cleanup()
    {
        MarkDead();
        _timer?.Dispose();
        _registration.Dispose();
    }
}

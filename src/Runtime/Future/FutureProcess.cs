using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Processes;

namespace ActorTrading.Runtime.Future;

/// <summary>
/// The one-shot process behind a request: its PID carries it, so nothing is registered. The first
/// message (or <see cref="Terminated"/>) completes <see cref="Task"/>; a timeout on the system's
/// clock or the caller's token fails it. Later messages go to dead letters.
/// </summary>
internal sealed class FutureProcess : Process
{
    private static long s_sequence;
    private readonly TaskCompletionSource<object> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;

    public FutureProcess(ActorSystem system, TimeSpan timeout, CancellationToken ct) : base(system)
    {
        Pid = new PID(system.Address, Interlocked.Increment(ref s_sequence), this);
        if (ct.CanBeCanceled)
            _registration = ct.UnsafeRegister(static (s, token) => ((FutureProcess)s!).Cancel(token), this);
        if (timeout != Timeout.InfiniteTimeSpan)
            _timer = system.TimeProvider.CreateTimer(static s => ((FutureProcess)s!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public PID Pid { get; }

    public Task<object> Task => _completion.Task;

    public override bool SendUserMessage(PID pid, object message)
    {
        if (!Complete(MessageEnvelope.UnwrapMessage(message))) System.DeadLetter.SendUserMessage(pid, message);
        return true;
    }

    public override void SendSystemMessage(PID pid, object message)
    {
        if (message is Terminated) Complete(message);
    }

    private bool Complete(object result)
    {
        if (!_completion.TrySetResult(result)) return false;
        Cleanup();
        return true;
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

using System.Runtime.CompilerServices;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// Awaits the reader loop's pending socket read and, once the loop's continuation is registered with it, delivers one
/// stream's wake-up on the current thread (<see cref="Http2Stream.Deliver"/>). From then on the loop does not need
/// this thread: the read's completion resumes it on the thread pool, even while the caller's continuation, running
/// here, is still busy or blocked. Only for a read that has not completed (the loop checks).
/// </summary>
internal readonly struct ReadAndDeliverAwaitable(ValueTask<int> read, Http2Stream stream) : ICriticalNotifyCompletion
{
    public ReadAndDeliverAwaitable GetAwaiter() => this;

    public bool IsCompleted => false;

    public int GetResult() => read.ConfigureAwait(false).GetAwaiter().GetResult();

    public void OnCompleted(Action continuation)
    {
        read.ConfigureAwait(false).GetAwaiter().OnCompleted(continuation);
        stream.Deliver();
    }

    public void UnsafeOnCompleted(Action continuation)
    {
        read.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(continuation);
        stream.Deliver();
    }
}

using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Benchmarks.Runtime;

/// <summary>An invoker that does nothing, to measure a mailbox alone.</summary>
internal sealed class NoOpInvoker : IMessageInvoker
{
    public int Count;
    public Task InvokeSystemMessageAsync(object message) => Task.CompletedTask;
    public Task InvokeUserMessageAsync(object message)
    {
        Count++;
        return Task.CompletedTask;
    }
    public void EscalateFailure(Exception reason, object? message) { }
    public void MessageDropped(object message, OverflowPolicy policy) { }
    public void MessagesProcessed(int count) { }
}

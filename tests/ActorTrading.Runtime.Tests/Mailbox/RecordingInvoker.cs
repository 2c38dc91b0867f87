using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

/// <summary>An invoker that records what a mailbox delivers, in order.</summary>
internal sealed class RecordingInvoker : IMessageInvoker
{
    public List<string> Log { get; } = new();
    public List<object> Dropped { get; } = new();
    public Func<object, Task>? OnUser { get; set; }

    public Task InvokeSystemMessageAsync(object message)
    {
        Log.Add("system:" + message);
        return Task.CompletedTask;
    }

    public Task InvokeUserMessageAsync(object message)
    {
        Log.Add("user:" + message);
        return OnUser?.Invoke(message) ?? Task.CompletedTask;
    }

    public void EscalateFailure(Exception reason, object? message) => Log.Add("failure:" + reason.Message);

    public void MessageDropped(object message, OverflowPolicy policy)
    {
        lock (Dropped) Dropped.Add(message);
    }

    public void MessagesProcessed(int count) { }
}

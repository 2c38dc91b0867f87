namespace ActorTrading.Runtime.Mailbox;

/// <summary>What a mailbox delivers to (the actor's context).</summary>
public interface IMessageInvoker
{
    /// <summary>Handles a system message; a non-successful task is a failure of the actor.</summary>
    Task InvokeSystemMessageAsync(object message);

    /// <summary>Handles a user message; a non-successful task is a failure of the actor.</summary>
    Task InvokeUserMessageAsync(object message);

    /// <summary>The actor failed while handling <paramref name="message"/>: suspend and tell the supervisor.</summary>
    void EscalateFailure(Exception reason, object? message);

    /// <summary>A bounded mailbox refused or evicted <paramref name="message"/>.</summary>
    void MessageDropped(object message, OverflowPolicy policy);

    /// <summary>Called once per mailbox run with the number of user messages processed.</summary>
    void MessagesProcessed(int count);
}

namespace ActorTrading.Runtime;

/// <summary>
/// A message with its sender (and optional headers). Only requests pay for one: a plain
/// <c>Send</c> puts the message itself into the mailbox.
/// </summary>
public sealed class MessageEnvelope(object message, PID? sender, IReadOnlyDictionary<string, string>? headers = null)
{
    public object Message { get; } = message;
    public PID? Sender { get; } = sender;
    public IReadOnlyDictionary<string, string>? Headers { get; } = headers;

    public static (object Message, PID? Sender) Unwrap(object message) =>
        message is MessageEnvelope e ? (e.Message, e.Sender) : (message, null);

    public static object UnwrapMessage(object message) => message is MessageEnvelope e ? e.Message : message;

    public static PID? UnwrapSender(object? message) => (message as MessageEnvelope)?.Sender;
}

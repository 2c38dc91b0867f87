namespace ActorTrading.Runtime;

/// <summary>Sending: fire-and-forget, requests with a sender, and awaited requests.</summary>
public interface ISenderContext
{
    ActorSystem System { get; }

    /// <summary>Sends without a sender (no envelope is allocated).</summary>
    void Send(PID target, object message);

    /// <summary>Like <see cref="Send"/>, but false when the target's bounded mailbox refused the message.</summary>
    bool TrySend(PID target, object message);

    /// <summary>Sends with <c>Self</c> (or no one, from the root) as the sender to respond to.</summary>
    void Request(PID target, object message);

    void Request(PID target, object message, PID? sender);

    /// <summary>Awaits the response, cast to <typeparamref name="T"/>. Throws <c>DeadLetterException</c> at once
    /// if the target does not exist, <c>MessageRejectedException</c> if its mailbox refused,
    /// <see cref="TimeoutException"/> after the system's default request timeout.</summary>
    Task<T> RequestAsync<T>(PID target, object message);

    Task<T> RequestAsync<T>(PID target, object message, TimeSpan timeout, CancellationToken ct = default);

    /// <summary>No timeout: only <paramref name="ct"/> ends the wait (no timer is created).</summary>
    Task<T> RequestAsync<T>(PID target, object message, CancellationToken ct);
}

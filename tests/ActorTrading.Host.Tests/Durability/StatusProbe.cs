using System.Collections.Concurrent;
using ActorTrading.Api.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Host.Tests.Durability;

/// <summary>An account-events subscriber: a signal per (order id, status) that completes when that order event arrives.</summary>
internal sealed class StatusProbe : IActor
{
    private readonly ConcurrentDictionary<(string, OrderStatus), TaskCompletionSource> _seen = new();

    public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once an order event with <paramref name="status"/> for <paramref name="orderId"/> arrived (published once durable).</summary>
    public Task Reached(string orderId, OrderStatus status) => Signal(orderId, status).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private TaskCompletionSource Signal(string orderId, OrderStatus status) =>
        _seen.GetOrAdd((orderId, status), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case Cluster.V1.SubscriptionConfirmed: Subscribed.TrySetResult(); break;
            case OrderEvent { Order: { } o }: Signal(o.OrderId, o.Status).TrySetResult(); break;
        }
        return Task.CompletedTask;
    }
}

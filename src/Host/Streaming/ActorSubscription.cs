using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Api;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Host.Streaming;

/// <summary>
/// A local subscriber actor for one server stream: it subscribes to each target (by identity, through the cluster),
/// watches the activations that confirmed, and offers what they push to a bounded buffer. Disposing it unsubscribes
/// and stops the actor (the targets watch it as well). A target that stops or refuses ends the stream UNAVAILABLE.
/// </summary>
public sealed class ActorSubscription : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly ActorRouter _router;
    private readonly IReadOnlyList<ClusterIdentity> _targets;
    private readonly object _unsubscribe;
    private readonly TaskCompletionSource _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PID _pid;
    private int _confirmations;

    private ActorSubscription(ActorSystem system, ActorRouter router, IReadOnlyList<ClusterIdentity> targets, object subscribe,
        object unsubscribe, Func<object, object?> accept)
    {
        _system = system;
        _router = router;
        _targets = targets;
        _unsubscribe = unsubscribe;
        _pid = system.Root.SpawnPrefix(Props.FromFunc(context => Receive(context, subscribe, accept)), "api-stream-");
    }

    public static async Task<ActorSubscription> StartAsync<T>(ActorSystem system, ActorRouter router, IReadOnlyList<ClusterIdentity> targets,
        object subscribe, object unsubscribe, IStreamBuffer<T> buffer, Func<object, T?> convert, TimeSpan timeout, CancellationToken ct)
        where T : class
    {
        var subscription = new ActorSubscription(system, router, targets, subscribe, unsubscribe, message =>
        {
            switch (message)
            {
                case CommandFailed failed: buffer.Fail(CommandFailures.ToRpcException(failed)); return null;
                case Exception error: buffer.Fail(error); return null;
                default:
                    if (convert(message) is { } item) buffer.Offer(item);
                    return null;
            }
        });
        try
        {
            await subscription._confirmed.Task.WaitAsync(timeout, ct).ConfigureAwait(false);
            return subscription;
        }
        catch (Exception e)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw e switch
            {
                RpcException => e,
                TimeoutException => new RpcException(new Status(StatusCode.Unavailable, "the subscription was not confirmed in time")),
                _ when ct.IsCancellationRequested => new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled")),
                _ => e,
            };
        }
    }

    private Task Receive(IContext context, object subscribe, Func<object, object?> accept)
    {
        switch (context.Message)
        {
            case Started:
                try
                {
                    foreach (var target in _targets) _router.Request(target, subscribe, context.Self);
                }
                catch (RpcException e)
                {
                    _confirmed.TrySetException(e);
                }
                break;
            case SubscriptionConfirmed:
                if (context.Sender is { } activation) context.Watch(activation);
                if (Interlocked.Increment(ref _confirmations) == _targets.Count) _confirmed.TrySetResult();
                break;
            case CommandFailed failed:
                _confirmed.TrySetException(CommandFailures.ToRpcException(failed));
                accept(failed);
                break;
            case Terminated:
                accept(new RpcException(new Status(StatusCode.Unavailable, "the stream's source stopped or moved; subscribe again")));
                break;
            case Stopping or Stopped or Restarting:
                break;
            default:
                accept(context.Message);
                break;
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var target in _targets)
        {
            try { _router.Request(target, _unsubscribe, _pid); }
            catch (RpcException) { /* the node is stopping: the target sees the subscriber stop */ }
        }
        await _system.Root.StopAsync(_pid).ConfigureAwait(false);
    }
}

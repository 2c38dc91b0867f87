using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Future;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace ActorTrading.Host.Api;

/// <summary>
/// Sends an API request to the virtual actor that owns it (by <see cref="ClusterIdentity"/>, never a local reference)
/// and turns the reply into the response or the gRPC status: <see cref="CommandFailed"/> becomes the status of the same
/// name, a missing kind or a dead target UNAVAILABLE, a full mailbox RESOURCE_EXHAUSTED, no answer DEADLINE_EXCEEDED.
/// </summary>
public sealed class ActorRouter(ActorHost actors, IOptions<NodeOptions> options)
{
    public const string AccountKind = "account";
    public const string SymbolKind = "symbol";

    private readonly TimeSpan _timeout = options.Value.ActorRequestTimeout;

    public Task<T> AskAccountAsync<T>(string accountId, IMessage request, ServerCallContext context) where T : class =>
        AskAsync<T>(new ClusterIdentity(AccountKind, accountId), request, context.CancellationToken);

    public async Task<T> AskAsync<T>(ClusterIdentity identity, object request, CancellationToken ct) where T : class
    {
        EnsureKind(identity);
        object reply;
        try
        {
            reply = await actors.Cluster.RequestAsync<object>(identity, request, _timeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (RpcFailure(identity, e, ct) is { } failure)
        {
            throw failure;
        }
        return reply switch
        {
            T response => response,
            CommandFailed failed => throw CommandFailures.ToRpcException(failed),
            _ => throw new RpcException(new Status(StatusCode.Internal,
                $"{identity} answered {reply?.GetType().Name ?? "nothing"} where {typeof(T).Name} was expected")),
        };
    }

    /// <summary>Registers <paramref name="sender"/> with the actor (subscriptions): the actor answers to the sender.</summary>
    public void Request(ClusterIdentity identity, object message, Runtime.PID sender)
    {
        EnsureKind(identity);
        Route(() => actors.Cluster.Request(identity, message, sender), identity);
    }

    /// <summary>The gRPC status of a failed request (one async method per call: no inner state machine to await).</summary>
    private RpcException? RpcFailure(ClusterIdentity identity, Exception e, CancellationToken ct) => e switch
    {
        TimeoutException => new RpcException(new Status(StatusCode.DeadlineExceeded, $"{identity} did not answer within {_timeout.TotalSeconds:0.#} s")),
        DeadLetterException => new RpcException(new Status(StatusCode.Unavailable, $"{identity} is not available (stopped or moving); retry")),
        MessageRejectedException => new RpcException(new Status(StatusCode.ResourceExhausted, $"{identity} is overloaded (mailbox full); retry later")),
        OperationCanceledException when ct.IsCancellationRequested => new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled")),
        InvalidOperationException when !ct.IsCancellationRequested => new RpcException(new Status(StatusCode.Unavailable, e.Message)),
        _ => null,
    };

    private static void Route(Action send, ClusterIdentity identity)
    {
        try { send(); }
        catch (InvalidOperationException e) { throw new RpcException(new Status(StatusCode.Unavailable, $"{identity}: {e.Message}")); }
    }

    private void EnsureKind(ClusterIdentity identity)
    {
        if (!actors.IsStarted)
            throw new RpcException(new Status(StatusCode.Unavailable, "the node is starting or stopping"));
        if (!actors.Kinds.Contains(identity.Kind))
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"this node hosts no '{identity.Kind}' actors: the trading core is not part of this build"));
    }
}

using System.Collections.Concurrent;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// Remoting for one actor system: PIDs whose address is another node's resolve to a <see cref="RemoteProcess"/> that sends
/// through that node's <see cref="Endpoint"/> (one gRPC bidi stream per pair of nodes, batched envelopes, reconnect with
/// backoff); <see cref="RemotingService"/> serves the other end on the node's gRPC port. Requests work across nodes: the
/// sender's future is exported by id so the reply finds it, and fails with <see cref="RemoteUnavailableResponse"/> when
/// its peer cannot be reached or the stream breaks (never hangs). The cluster sends virtual-actor messages through
/// <see cref="SendToIdentity"/> and receives them through <see cref="IdentityHandler"/>.
/// <code>var remote = new Remote(system, new RemoteConfig("n1", new SerializerRegistry(OrdersReflection.Descriptor)));
/// remote.Start(); // serve: services.AddGrpc().AddService&lt;RemotingService&gt;(RemoteReflection.Descriptor)</code>
/// </summary>
public sealed partial class Remote : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (PID Pid, string Address)> _exported = new(StringComparer.Ordinal);
    private readonly RemoteWatches _watches = new();
    private int _closed;
    private long _exports;

    public Remote(ActorSystem system, RemoteConfig config)
    {
        System = system;
        Config = config;
        Metrics = new RemoteMetrics();
    }

    public ActorSystem System { get; }
    public RemoteConfig Config { get; }
    public SerializerRegistry Serialization => Config.Serialization;
    internal RemoteMetrics Metrics { get; }

    /// <summary>Set by the cluster: a virtual-actor message arrived (identity, message or envelope, hops so far).</summary>
    public Action<RemoteIdentity, object, int>? IdentityHandler { get; set; }

    /// <summary>Addresses with an open stream right now.</summary>
    public IEnumerable<string> ConnectedPeers => _endpoints.Values.Where(e => e.IsConnected).Select(e => e.Address);

    /// <summary>Envelopes written and batches written so far (the ratio is the batching factor).</summary>
    public (long Envelopes, long Batches) Sent => (Metrics.Envelopes, Metrics.Batches);

    /// <summary>From now on PIDs of other addresses resolve to remote processes.</summary>
    public void Start() => System.ProcessRegistry.RemoteResolver = pid => Volatile.Read(ref _closed) == 0 ? GetEndpoint(pid.Address).Process : null;

    internal Endpoint GetEndpoint(string address)
    {
        if (_endpoints.TryGetValue(address, out var endpoint)) return endpoint;
        var created = new Endpoint(this, address);
        endpoint = _endpoints.GetOrAdd(address, created);
        if (ReferenceEquals(endpoint, created)) created.Start();
        return endpoint;
    }

    /// <summary>A member left: close its endpoint, fail the requests waiting on it, tell watchers its actors are gone.</summary>
    public async Task RemoveEndpointAsync(string address)
    {
        if (!_endpoints.TryRemove(address, out var endpoint)) return;
        ConnectionLost(address, "the member left the cluster");
        await endpoint.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The stream to <paramref name="address"/> ended or could not be opened: requests in flight there fail at once.</summary>
    internal void ConnectionLost(string address, string reason)
    {
        foreach (var (id, exported) in _exported)
        {
            if (exported.Address != address || !_exported.TryRemove(id, out _)) continue;
            exported.Pid.SendUserMessage(System, new RemoteUnavailableResponse(address, reason));
        }
        foreach (var (watcher, target) in _watches.RemoveAll(address))
            watcher.SendSystemMessage(System, new Messages.Terminated(target, Messages.TerminatedReason.Stopped));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        foreach (var address in _endpoints.Keys.ToList()) await RemoveEndpointAsync(address).ConfigureAwait(false);
    }
}

using System.Collections.Concurrent;
using ActorTrading.Runtime.Future;

namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// Virtual actors: address an actor by <see cref="ClusterIdentity"/>; it is activated on its first
/// message, passivated after its kind's idle timeout and activated again by the next message.
/// Placement goes through <see cref="IPlacementStrategy"/> over the <see cref="IMemberList"/>;
/// this node hosts the identities placed on it, and with <see cref="ClusterConfig.Remote"/> forwards the others to their
/// owner over remoting (see Cluster.Remote.cs: "not owner" retries, passivation of identities that moved).
/// <code>var cluster = new Cluster(system, new ClusterConfig("node-1", new ClusterKind("account", props)));
/// await cluster.StartAsync(); var balance = await cluster.RequestAsync&lt;Balance&gt;(new("account", "A-1"), new GetBalance(), ct);</code>
/// </summary>
public sealed partial class Cluster
{
    private readonly ClusterConfig _config;
    private readonly MemberList _members;
    private readonly Dictionary<string, ClusterKind> _kinds;
    // One map per kind, keyed by the identity string (hashing one string, with the runtime's fast non-randomized string
    // hashing until collisions make it switch, instead of a two-string struct key per message).
    private readonly Dictionary<string, ConcurrentDictionary<string, Activation>> _activations;

    public Cluster(ActorSystem system, ClusterConfig config)
    {
        System = system;
        _config = config;
        _kinds = config.Kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
        _activations = config.Kinds.ToDictionary(k => k.Name, _ => new ConcurrentDictionary<string, Activation>(StringComparer.Ordinal), StringComparer.Ordinal);
        _members = new MemberList(new Member(config.MemberId, system.Address));
        if (config.Remote is { } remote) AttachRemote(remote);
    }

    public ActorSystem System { get; }
    public IMemberList MemberList => _members;

    /// <summary>Live activations on this node.</summary>
    public int ActivationCount => _activations.Values.Sum(a => a.Count);

    /// <summary>Live activations of one kind on this node (walks the activations: for scrapes, not hot paths).</summary>
    public int ActivationCountOf(string kind)
    {
        return _activations.TryGetValue(kind, out var activations) ? activations.Count : 0;
    }

    public Task StartAsync(CancellationToken ct = default) =>
        _config.MembershipProvider.JoinAsync(_members.Self, _members.Update, ct);

    public async Task ShutdownAsync(CancellationToken ct = default)
    {
        await _config.MembershipProvider.LeaveAsync(_members.Self, ct).ConfigureAwait(false);
        var stopping = AllActivations().Select(a => a.Pid).OfType<PID>().Select(System.Root.StopAsync);
        await Task.WhenAll(stopping).ConfigureAwait(false);
    }

    public void Send(ClusterIdentity identity, object message) => Deliver(identity, message);

    public void Request(ClusterIdentity identity, object message, PID sender) =>
        Deliver(identity, new MessageEnvelope(message, sender));

    public Task<T> RequestAsync<T>(ClusterIdentity identity, object message, CancellationToken ct) =>
        RequestAsync<T>(identity, message, Timeout.InfiniteTimeSpan, ct);

    public Task<T> RequestAsync<T>(ClusterIdentity identity, object message, TimeSpan timeout, CancellationToken ct = default) =>
        _config.Remote is null
            ? Requests.RequestAsync<T>(System, e => Deliver(identity, e), message, timeout, ct)
            : RemoteRequestAsync<T>(identity, message, timeout, ct);

    /// <summary>The PID of the current activation, if the identity is active here.</summary>
    public PID? TryGetActivePid(ClusterIdentity identity) =>
        _activations.TryGetValue(identity.Kind, out var activations) && activations.TryGetValue(identity.Identity, out var activation) ? activation.Pid : null;

    /// <summary>Every activation on this node (walks all kinds: not for hot paths).</summary>
    private IEnumerable<Activation> AllActivations() => _activations.Values.SelectMany(a => a.Values);

    internal void Deliver(ClusterIdentity identity, object message)
    {
        if (!_kinds.TryGetValue(identity.Kind, out var kind))
            throw new ArgumentException($"unknown cluster kind '{identity.Kind}'", nameof(identity));
        if (!kind.IsNodeLocal && !IsOnlyMember())
        {
            var owner = _config.PlacementStrategy.Place(identity, _members.Members);
            if (owner.Id != _members.Self.Id)
            {
                if (_config.Remote is not { } remote)
                    throw new InvalidOperationException($"{identity} is placed on member '{owner.Id}' and this node has no remote transport");
                remote.SendToIdentity(owner.Address, identity.Kind, identity.Identity, message);
                return;
            }
        }
        DeliverLocal(kind, identity, message);
    }

    /// <summary>A one-member cluster places everything here: no placement hash per message (every tick of a single node).</summary>
    private bool IsOnlyMember()
    {
        var members = _members.Members;
        return members.Count == 1 && members[0].Id == _members.Self.Id;
    }

    private void DeliverLocal(ClusterKind kind, ClusterIdentity identity, object message)
    {
        var activations = _activations[kind.Name];
        while (true)
        {
            if (!activations.TryGetValue(identity.Identity, out var activation))
            {
                activation = new Activation(this, kind, identity, previous: null);
                if (!activations.TryAdd(identity.Identity, activation)) continue;
                activation.Start();
            }
            if (activation.TryPost(message)) return;
            var next = new Activation(this, kind, identity, previous: activation);
            if (activations.TryUpdate(identity.Identity, next, activation)) next.Start();
        }
    }

    internal void Deactivated(Activation activation) =>
        _activations[activation.Identity.Kind].TryRemove(KeyValuePair.Create(activation.Identity.Identity, activation));
}

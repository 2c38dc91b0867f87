using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Diagnostics;
using ActorTrading.Runtime.Mailbox;
using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Processes;

namespace ActorTrading.Runtime.Context;

/// <summary>
/// The context of one actor, created once at spawn and reused for every message; it is also the
/// mailbox's invoker and the actor's supervisor side. This file: creation and what the actor
/// reads. Sending, invocation, lifecycle, supervision and features are in the other partial files.
/// </summary>
internal sealed partial class ActorContext : IContext
{
    private readonly ActorSystem _system;
    private readonly Props _props;
    private readonly PID? _parent;
    private PID _self = null!;
    private IActor _actor = null!;
    private MailboxBase _mailbox = null!;
    private ActorProcess _process = null!;
    private object? _message;
    private ContextState _state;
    private ActorContextExtras? _extras;

    private ActorContext(ActorSystem system, Props props, PID? parent)
    {
        _system = system;
        _props = props;
        _parent = parent;
    }

    /// <summary>Creates, registers and starts an actor. <paramref name="parent"/> is null for root actors.</summary>
    internal static PID Spawn(ActorSystem system, Props props, string id, PID? parent,
        ClusterIdentity? identity = null, Activation? activation = null)
    {
        var context = new ActorContext(system, props, parent);
        context._actor = props.Producer(system);
        if (identity is not null)
        {
            var extras = context.EnsureExtras();
            extras.ClusterIdentity = identity;
            extras.Activation = activation;
        }
        var mailbox = props.MailboxProducer();
        var process = new ActorProcess(system, mailbox);
        context._mailbox = mailbox;
        context._process = process;
        if (!system.ProcessRegistry.TryAdd(id, process, out var pid)) ThrowHelper.NameExists(id);
        context._self = pid;
        mailbox.RegisterHandlers(context, props.Dispatcher ?? system.Config.DefaultDispatcher);
        if (parent is null) system.Guardian.AddChild(pid);
        mailbox.PostSystemMessage(Started.Instance);
        return pid;
    }

    public ActorSystem System => _system;
    public PID Self => _self;
    public PID? Parent => _parent;
    public IActor Actor => _actor;
    public object Message => _message is MessageEnvelope e ? e.Message : _message!;
    public PID? Sender => (_message as MessageEnvelope)?.Sender;
    public IReadOnlyDictionary<string, string>? Headers => (_message as MessageEnvelope)?.Headers;
    public ClusterIdentity? ClusterIdentity => _extras?.ClusterIdentity;
    public IReadOnlyCollection<PID> Children => (IReadOnlyCollection<PID>?)_extras?.Children ?? Array.Empty<PID>();
    public TimeSpan ReceiveTimeout => _extras?.ReceiveTimeout ?? TimeSpan.Zero;

    /// <summary>User messages waiting in this actor's mailbox (cluster passivation checks it).</summary>
    internal int MailboxCount => _mailbox.Count;

    /// <summary>How many watchers this actor will tell of its termination (tests check that dead watchers are pruned).</summary>
    internal int WatcherCount => _extras?.Watchers?.Count ?? 0;

    private PID SupervisorPid => _parent ?? _system.Guardian.Pid;

    private ActorContextExtras EnsureExtras() => _extras ??= new ActorContextExtras();
}

using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime;

/// <summary>
/// How to create an actor: its producer, mailbox, dispatcher and the strategy supervising its
/// children. Immutable; the <c>With…</c> methods return copies.
/// <code>Props.FromProducer(() => new Echo()).WithMailbox(Mailboxes.Bounded(1000, OverflowPolicy.Reject))</code>
/// </summary>
public sealed record Props
{
    private Props(Func<ActorSystem, IActor> producer) => Producer = producer;

    public Func<ActorSystem, IActor> Producer { get; init; }

    public Func<MailboxBase> MailboxProducer { get; init; } = Mailboxes.Unbounded;

    /// <summary>Null means the system's default dispatcher.</summary>
    public IDispatcher? Dispatcher { get; init; }

    /// <summary>Null means the system's default strategy (one-for-one restart).</summary>
    public ISupervisorStrategy? SupervisorStrategy { get; init; }

    public static Props FromProducer(Func<IActor> producer)
    {
        ArgumentNullException.ThrowIfNull(producer);
        return new Props(_ => producer());
    }

    public static Props FromProducer(Func<ActorSystem, IActor> producer) =>
        new(producer ?? throw new ArgumentNullException(nameof(producer)));

    public static Props FromFunc(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        return new Props(_ => new FunctionActor(receive));
    }

    public Props WithProducer(Func<IActor> producer) => this with { Producer = _ => producer() };

    public Props WithMailbox(Func<MailboxBase> mailboxProducer) => this with { MailboxProducer = mailboxProducer };

    public Props WithDispatcher(IDispatcher dispatcher) => this with { Dispatcher = dispatcher };

    public Props WithChildSupervisorStrategy(ISupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };
}

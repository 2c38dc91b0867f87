namespace ActorTrading.Runtime;

/// <summary>
/// Switchable message handlers for an actor (Proto.Actor's <c>Behavior</c>): the actor owns one
/// and forwards <see cref="IActor.ReceiveAsync"/> to it.
/// <code>
/// private readonly Behavior _behavior;
/// public MyActor() => _behavior = new Behavior(Closed);
/// public Task ReceiveAsync(IContext c) => _behavior.ReceiveAsync(c);
/// private Task Closed(IContext c) { if (c.Message is Open) _behavior.Become(Opened); return Task.CompletedTask; }
/// </code>
/// </summary>
public sealed class Behavior
{
    private readonly Stack<Receive> _behaviors = new();

    public Behavior() { }

    public Behavior(Receive receive) => Become(receive);

    /// <summary>Replaces all behaviours with <paramref name="receive"/>.</summary>
    public void Become(Receive receive)
    {
        _behaviors.Clear();
        _behaviors.Push(receive);
    }

    /// <summary>Pushes <paramref name="receive"/>; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    public void BecomeStacked(Receive receive) => _behaviors.Push(receive);

    public void UnbecomeStacked()
    {
        if (_behaviors.Count <= 1) throw new InvalidOperationException("no stacked behaviour to return from");
        _behaviors.Pop();
    }

    public int Depth => _behaviors.Count;

    public Task ReceiveAsync(IContext context) =>
        _behaviors.TryPeek(out var receive) ? receive(context) : throw new InvalidOperationException("no behaviour set");
}

namespace ActorTrading.Runtime;

/// <summary>An actor made of one function (<see cref="Props.FromFunc"/>).</summary>
internal sealed class FunctionActor(Receive receive) : IActor
{
    public Task ReceiveAsync(IContext context) => receive(context);
}

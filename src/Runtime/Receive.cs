namespace ActorTrading.Runtime;

/// <summary>A message handler: the shape of <see cref="IActor.ReceiveAsync"/> and of a behaviour.</summary>
public delegate Task Receive(IContext context);

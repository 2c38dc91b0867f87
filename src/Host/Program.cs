// Placeholder until the node issue lands: starts the actor runtime and says so.
Console.WriteLine("ActorTrading node: the public API is not served yet (see the node issue).");

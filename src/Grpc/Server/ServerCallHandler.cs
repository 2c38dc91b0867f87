namespace ActorTrading.Grpc;

/// <summary>The rest of a call: what an interceptor calls to run the next interceptor or the handler.</summary>
public delegate Task ServerCallHandler(ServerCallContext context);

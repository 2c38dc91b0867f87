namespace ActorTrading.Runtime.Context;

internal enum ContextState : byte
{
    Alive,
    Restarting,
    Stopping,
    Stopped,
}

namespace ActorTrading.Actors.Ports;

/// <summary>
/// The journal's store cannot be reached. The append was not acknowledged; callers answer
/// UNAVAILABLE. The journal recovers by itself when the store comes back.
/// </summary>
public sealed class JournalUnavailableException : Exception
{
    public JournalUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}

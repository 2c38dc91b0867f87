using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Strategies;

/// <summary>What became of an external signal: the intent it produced, or every reason it was refused.</summary>
public sealed record SignalOutcome(OrderIntent? Intent, IReadOnlyList<string> Errors)
{
    public bool Accepted => Intent is not null;

    public static SignalOutcome Accept(OrderIntent intent) => new(intent, []);

    public static SignalOutcome Reject(params string[] errors) => new(null, errors);

    public static SignalOutcome Reject(IReadOnlyList<string> errors) => new(null, errors);
}

namespace ActorTrading.Actors.Brokers;

public enum CorrectionKind
{
    /// <summary>Active locally, unknown to the broker: resubmit (same client order id) if never acknowledged, else query it.</summary>
    MissingAtBroker = 1,
    /// <summary>Working at the broker, unknown locally: cancel it or adopt it.</summary>
    UnknownAtBroker = 2,
    /// <summary>The broker filled more than the account recorded: apply the missing quantity.</summary>
    FillsMissing = 3,
    /// <summary>The broker's status differs (e.g. CANCELED, REJECTED, FILLED): the broker is the truth.</summary>
    StatusChanged = 4,
    /// <summary>Net position quantities differ.</summary>
    PositionMismatch = 5,
}

namespace ActorTrading.Actors.Risk;

/// <summary>Why a protective exit fired.</summary>
public enum ExitReason
{
    StopLoss = 1,
    TakeProfit = 2,
    TrailingStop = 3,
    SquareOff = 4,
}

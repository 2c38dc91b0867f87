using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Trading state changes of an account. ACTIVE → REDUCING when the daily loss limit is reached (automatic);
/// any → HALTED by the kill switch; HALTED or REDUCING → ACTIVE on resume, unless the daily loss is still breached,
/// in which case resume lands in REDUCING. A new trading day starts ACTIVE unless HALTED (a halt needs a human).
/// </summary>
public static class TradingStateMachine
{
    public static TradingState Halt(TradingState current) => TradingState.Halted;

    public static TradingState Resume(RiskSnapshot snapshot) =>
        DailyLossRule.IsBreached(snapshot) ? TradingState.Reducing : TradingState.Active;

    public static TradingState StartDay(TradingState current) => current == TradingState.Halted ? TradingState.Halted : TradingState.Active;

    /// <summary>The automatic transition after a mark-to-market, or null to stay.</summary>
    public static TradingState? AfterMark(RiskSnapshot snapshot) => RiskEngine.StateAfterMark(snapshot);
}

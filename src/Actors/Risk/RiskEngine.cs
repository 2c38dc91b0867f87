using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Pre-trade risk of one account. Runs the rules in a fixed order (first denial wins):
/// trading state → unknown symbol → market hours → order rate → orders/day → daily loss → price band →
/// reward:risk → sizing / max position → max notional → open positions → trades/day → sector → buying power.
/// An approved order is <em>reserved</em> (counted as pending) until <see cref="Release"/>, so intents evaluated
/// one after another against the same, stale snapshot can never both take a slot only one fits.
/// The order-rate bucket counts attempts: a token is taken when the rate rule runs, even if a later rule denies.
/// Not thread-safe: the risk actor processes intents one at a time.
/// </summary>
public sealed partial class RiskEngine
{
    private readonly Dictionary<ClientOrderId, PendingOrder> _reservations = new();
    private readonly Dictionary<ClientOrderId, PendingOrder> _replacements = new();
    private readonly MarketCalendar _calendar;
    private readonly TimeProvider _time;
    private TokenBucket? _rate;
    private (int perSecond, int burst) _rateShape;

    public RiskEngine(MarketCalendar calendar, TimeProvider time)
    {
        _calendar = calendar;
        _time = time;
    }

    public IReadOnlyCollection<PendingOrder> Reservations => _reservations.Values;

    /// <summary>Open orders whose approved modification the account's snapshot does not show yet (they replace the snapshot's entry).</summary>
    public IReadOnlyCollection<PendingOrder> Replacements => _replacements.Values;

    public RiskDecision Evaluate(OrderRequest request, RiskSnapshot snapshot)
    {
        if (_reservations.TryGetValue(request.ClientOrderId, out var existing)) return RiskDecision.Approve(existing.Quantity, !existing.Opening);
        if (snapshot.State == TradingState.Halted)
            return RiskDecision.Deny(new(DenialReason.TradingHalted, $"account {snapshot.Account} is HALTED: no new orders until resumed"));
        if (!snapshot.Instruments.TryGet(request.Symbol, out var instrument))
            return RiskDecision.Deny(new(DenialReason.UnknownSymbol, $"unknown symbol {request.Symbol}"));
        var c = RiskCheck.Create(request, snapshot, instrument, _reservations.Values, _time.GetUtcNow(), _replacements);
        var denial = TradingStateRule.Check(c)
            ?? MarketHoursRule.Check(c, _calendar)
            ?? CheckRate(snapshot.Limits)
            ?? MaxOrdersPerDayRule.Check(c);
        if (denial is null && DailyLossRule.Check(c) is { } loss)
            return RiskDecision.Deny(loss, snapshot.State == TradingState.Active ? TradingState.Reducing : null);
        denial ??= PriceBandRule.Check(c)
            ?? RewardRiskRule.Check(c)
            ?? PositionSizer.Apply(c)
            ?? MaxOrderNotionalRule.Check(c)
            ?? MaxOpenPositionsRule.Check(c)
            ?? MaxTradesPerDayRule.Check(c)
            ?? SectorExposureRule.Check(c)
            ?? BuyingPowerRule.Check(c);
        if (denial is not null) return RiskDecision.Deny(denial);
        _reservations[request.ClientOrderId] = c.ToReservation();
        return RiskDecision.Approve(c.Quantity, c.Reduces);
    }

    /// <summary>Drops the reservation once the order is visible in the snapshot's open orders, or is done (filled, rejected, canceled).</summary>
    public bool Release(ClientOrderId clientOrderId) => _reservations.Remove(clientOrderId) | _replacements.Remove(clientOrderId);

    /// <summary>At start of day (or on recovery) nothing is pending that the snapshot does not already show.</summary>
    public void ClearReservations()
    {
        _reservations.Clear();
        _replacements.Clear();
    }

    /// <summary>The state the account should move to given its P&amp;L (REDUCING on daily loss), or null to stay.</summary>
    public static TradingState? StateAfterMark(RiskSnapshot snapshot) =>
        snapshot.State == TradingState.Active && DailyLossRule.IsBreached(snapshot) ? TradingState.Reducing : null;

    private RiskDenial? CheckRate(RiskSettings limits)
    {
        if (_rate is null || _rateShape != (limits.OrdersPerSecond, limits.OrderBurst))
        {
            _rateShape = (limits.OrdersPerSecond, limits.OrderBurst);
            _rate = new TokenBucket(_time, Math.Max(1, limits.OrderBurst), Math.Max(1, limits.OrdersPerSecond));
        }
        return _rate.TryTake()
            ? null
            : new RiskDenial(DenialReason.RateLimit, $"order rate limit {limits.OrdersPerSecond}/s (burst {limits.OrderBurst}) exceeded");
    }
}

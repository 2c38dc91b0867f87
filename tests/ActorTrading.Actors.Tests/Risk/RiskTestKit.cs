using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Support;

namespace ActorTrading.Actors.Tests.Risk;

internal static class RiskTestKit
{
    public static RiskCheck Check(OrderRequest r, RiskSnapshot s, IEnumerable<PendingOrder>? reservations = null, DateTimeOffset? now = null) =>
        RiskCheck.Create(r, s, TestData.Spec(r.Symbol), reservations ?? [], now ?? TestData.MarketOpen);

    public static PendingOrder Pending(SymbolId s, decimal qty, decimal price, bool opening = true, string? id = null,
        ActorTrading.Api.V1.Side side = ActorTrading.Api.V1.Side.Buy) =>
        new(new ClientOrderId(id ?? "p-" + Guid.NewGuid().ToString("N")[..8]), s, ActorTrading.Api.V1.Product.Mis, side, qty, price, opening);
}

using Position = ActorTrading.Actors.Model.Position;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Runtime;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Actors.Accounts;

/// <summary>Reads: portfolio, positions to close, and the durable reply of every read (orders and trades: AccountActor.History.cs).</summary>
public sealed partial class AccountActor
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Answers a read once everything it shows is durable (the reply is built now, from the state as of the request): a
    /// client never sees an order or fill that a failed append then takes back. If that append fails: UNAVAILABLE.
    /// </summary>
    private Task ReplyRead(IContext context, PID? to, object reply)
    {
        if (to is null) return Task.CompletedTask;
        WhenDurable(context, c => c.Send(to, reply),
            c => c.Send(to, Failures.Unavailable($"account {_id}: a journal append failed before this read could be answered; retry")));
        return Task.CompletedTask;
    }

    private PortfolioSnapshot Portfolio()
    {
        RefreshMarks();
        var s = new PortfolioSnapshot
        {
            AccountId = _id.Value, Cash = ProtoDecimal.ToProto(decimal.Round(_state.Cash, 9)), Equity = ProtoDecimal.ToProto(decimal.Round(_state.Equity, 9)),
            DayPnl = ProtoDecimal.ToProto(decimal.Round(_state.Positions.DayPnl, 9)), RealizedPnl = ProtoDecimal.ToProto(decimal.Round(_state.Positions.RealizedPnl, 9)),
            UnrealizedPnl = ProtoDecimal.ToProto(decimal.Round(_state.Positions.UnrealizedPnl, 9)), State = _state.State, Time = Timestamp.FromDateTimeOffset(Now),
        };
        foreach (var p in _state.Positions.All) if (!p.IsFlat) s.Positions.Add(p.ToProto());
        return s;
    }

    private Task ClosePosition(IContext context, ClosePositionRequest m)
    {
        if (!SymbolId.TryParse(m.Symbol, out var symbol)) return Reply(context, context.Sender, Failures.Invalid("symbol", SymbolId.Validate(m.Symbol)!));
        if (m.Product == Product.Unspecified) return Reply(context, context.Sender, Failures.Invalid("product", "product must be MIS, CNC or NRML"));
        if (!_state.Positions.TryGet(symbol, m.Product, out var p) || p.IsFlat)
            return Reply(context, context.Sender, Failures.NotFound($"no open {m.Product} position in {symbol}", "symbol"));
        return Submit(context, CloseRequest(p, "close"), context.Sender);
    }

    private Task CloseAll(IContext context)
    {
        var open = _state.Positions.Open().ToList();
        if (open.Count == 0) return Reply(context, context.Sender, new CloseAllPositionsResponse());
        var collector = context.Spawn(Props.FromProducer(() => new AckCollector(open.Count, context.Sender)));
        foreach (var p in open) Submit(context, CloseRequest(p, "close-all"), collector);
        return Task.CompletedTask;
    }

    private OrderRequest CloseRequest(Position p, string source) => new()
    {
        Account = _id, ClientOrderId = new ClientOrderId($"x-{source}-{_state.LastSeq}-{++_exitSequence}"), Symbol = p.Key.Symbol,
        Side = p.Quantity > 0 ? Side.Sell : Side.Buy, Quantity = Math.Abs(p.Quantity), Type = OrderType.Market, Product = p.Key.Product,
        Strategy = "exit:" + source,
    };
}

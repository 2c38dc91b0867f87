using System.Text.Json;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>Read calls (order status, order/trade/position books, funds), bulk actions and polling for executions.</summary>
public sealed partial class OpenAlgoBroker
{
    private readonly Dictionary<string, (OrderStatus Status, decimal Filled, decimal Average)> _lastSeen = new();
    private readonly SemaphoreSlim _pollGate = new(1, 1);

    public async Task<BrokerResult<BrokerOrderSnapshot>> GetOrderStatusAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        var body = Body();
        body["strategy"] = _options.Strategy;
        body["orderid"] = brokerOrderId;
        var r = await PostAsync("orderstatus", body, cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        return Parse(r.Value, "orderstatus", static d => d.TryGetProperty("data", out var data) ? ToSnapshot(data) : throw new FormatException("missing 'data'"));
    }

    public async Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOrderBookAsync(CancellationToken cancellationToken = default)
    {
        var r = await PostAsync("orderbook", Body(), cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        return Parse<IReadOnlyList<BrokerOrderSnapshot>>(r.Value, "orderbook", d =>
        {
            var data = d.GetProperty("data");
            var orders = data.ValueKind == JsonValueKind.Array ? data : data.GetProperty("orders");
            return orders.EnumerateArray().Select(ToSnapshot).ToArray();
        });
    }

    public async Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default)
    {
        var book = await GetOrderBookAsync(cancellationToken).ConfigureAwait(false);
        return book.IsSuccess ? BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>.Ok(book.Value!.Where(o => o.IsActive).ToArray()) : book.Error!;
    }

    public async Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        var r = await PostAsync("positionbook", Body(), cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        return Parse<IReadOnlyList<BrokerPosition>>(r.Value, "positionbook", d => d.GetProperty("data").EnumerateArray()
            .Select(p => new BrokerPosition(Symbol(p), OpenAlgoMapping.ToProduct(OpenAlgoJson.String(p, "product")),
                OpenAlgoJson.Decimal(p, "quantity"), OpenAlgoJson.Decimal(p, "average_price")))
            .Where(p => p.Quantity != 0).ToArray());
    }

    public async Task<BrokerResult<IReadOnlyList<OpenAlgoTrade>>> GetTradesAsync(CancellationToken cancellationToken = default)
    {
        var r = await PostAsync("tradebook", Body(), cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        return Parse<IReadOnlyList<OpenAlgoTrade>>(r.Value, "tradebook", d => d.GetProperty("data").EnumerateArray()
            .Select(t => new OpenAlgoTrade(OpenAlgoJson.String(t, "orderid"), Symbol(t), OpenAlgoMapping.ToSide(OpenAlgoJson.String(t, "action")),
                OpenAlgoMapping.ToProduct(OpenAlgoJson.String(t, "product")), OpenAlgoJson.Decimal(t, "quantity"),
                OpenAlgoJson.Decimal(t, "average_price"), OpenAlgoJson.Decimal(t, "trade_value"), OpenAlgoJson.String(t, "timestamp")))
            .ToArray());
    }

    public async Task<BrokerResult<OpenAlgoFunds>> GetFundsAsync(CancellationToken cancellationToken = default)
    {
        var r = await PostAsync("funds", Body(), cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        return Parse(r.Value, "funds", static d =>
        {
            var f = d.GetProperty("data");
            return new OpenAlgoFunds(OpenAlgoJson.Decimal(f, "availablecash"), OpenAlgoJson.Decimal(f, "collateral"),
                OpenAlgoJson.Decimal(f, "m2mrealized"), OpenAlgoJson.Decimal(f, "m2munrealized"), OpenAlgoJson.Decimal(f, "utiliseddebits"));
        });
    }

    /// <summary>cancelallorder: cancels every open order of the strategy tag.</summary>
    public async Task<BrokerResult<bool>> CancelAllOrdersAsync(CancellationToken cancellationToken = default)
    {
        var body = Body();
        body["strategy"] = _options.Strategy;
        var r = await PostAsync("cancelallorder", body, cancellationToken).ConfigureAwait(false);
        return r.IsSuccess ? BrokerResult<bool>.Ok(true) : r.Error!;
    }

    /// <summary>closeposition: squares off every open position of the strategy tag.</summary>
    public async Task<BrokerResult<bool>> ClosePositionsAsync(CancellationToken cancellationToken = default)
    {
        var body = Body();
        body["strategy"] = _options.Strategy;
        var r = await PostAsync("closeposition", body, cancellationToken).ConfigureAwait(false);
        return r.IsSuccess ? BrokerResult<bool>.Ok(true) : r.Error!;
    }

    /// <summary>
    /// Fetches the order book and publishes an execution report for every order placed here whose status or filled
    /// quantity changed since the last poll. The fill price of an increment is derived from the change in average price.
    /// </summary>
    public async Task<BrokerResult<int>> PollAsync(CancellationToken cancellationToken = default)
    {
        await _pollGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var book = await GetOrderBookAsync(cancellationToken).ConfigureAwait(false);
            if (!book.IsSuccess) return book.Error!;
            var published = 0;
            var now = _time.GetUtcNow();
            foreach (var o in book.Value!)
            {
                if (!_ordersById.TryGetValue(o.BrokerOrderId, out var placed)) continue;
                (OrderStatus Status, decimal Filled, decimal Average) before;
                lock (_lastSeen)
                {
                    before = _lastSeen.TryGetValue(o.BrokerOrderId, out var seen) ? seen : (OrderStatus.Accepted, 0m, 0m);
                    if (o.FilledQuantity < before.Filled || (before.Status == o.Status && before.Filled == o.FilledQuantity)) continue;
                    _lastSeen[o.BrokerOrderId] = (o.Status, o.FilledQuantity, o.AveragePrice);
                }
                var delta = o.FilledQuantity - before.Filled;
                var price = delta > 0 ? (o.AveragePrice * o.FilledQuantity - before.Average * before.Filled) / delta : 0;
                _reports.Writer.TryWrite(new ExecutionReport(placed.ClientOrderId, o.BrokerOrderId, o.Status, Math.Max(0, delta), price,
                    o.FilledQuantity, o.AveragePrice, 0, now, "polled", delta > 0 ? $"{o.BrokerOrderId}-{o.FilledQuantity}" : null));
                published++;
            }
            return BrokerResult<int>.Ok(published);
        }
        finally
        {
            _pollGate.Release();
        }
    }

    /// <summary>Tracks an order reconciliation attributed to this connection (after a restart): polled from what it showed then.</summary>
    public void Adopt(BrokerOrder order, BrokerOrderSnapshot snapshot)
    {
        _ordersById[snapshot.BrokerOrderId] = order;
        lock (_lastSeen) _lastSeen[snapshot.BrokerOrderId] = (snapshot.Status, snapshot.FilledQuantity, snapshot.AveragePrice);
    }

    private static BrokerOrderSnapshot ToSnapshot(JsonElement o)
    {
        var status = OpenAlgoMapping.ToStatus(OpenAlgoJson.String(o, "order_status"));
        var quantity = OpenAlgoJson.Decimal(o, "quantity");
        var filled = OpenAlgoJson.OptionalDecimal(o, "filled_quantity") ?? (status == OrderStatus.Filled ? quantity : 0);
        if (status == OrderStatus.Open && filled > 0 && filled < quantity) status = OrderStatus.PartiallyFilled;
        var price = OpenAlgoJson.Decimal(o, "price");
        var trigger = OpenAlgoJson.Decimal(o, "trigger_price");
        return new BrokerOrderSnapshot(OpenAlgoJson.String(o, "orderid"), null, Symbol(o), OpenAlgoMapping.ToSide(OpenAlgoJson.String(o, "action")),
            OpenAlgoMapping.ToOrderType(OpenAlgoJson.String(o, "pricetype")), OpenAlgoMapping.ToProduct(OpenAlgoJson.String(o, "product")),
            quantity, filled, OpenAlgoJson.Decimal(o, "average_price"), price == 0 ? null : price, trigger == 0 ? null : trigger, status);
    }

    private static SymbolId Symbol(JsonElement e)
    {
        var text = $"{OpenAlgoJson.String(e, "exchange")}:{OpenAlgoJson.String(e, "symbol")}".ToUpperInvariant();
        return SymbolId.TryParse(text, out var id) ? id : throw new FormatException($"invalid symbol '{text}'");
    }

    private static BrokerResult<T> Parse<T>(JsonElement root, string endpoint, Func<JsonElement, T> read)
    {
        try
        {
            return BrokerResult<T>.Ok(read(root));
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException or JsonException)
        {
            return BrokerResult<T>.Fail(BrokerErrorKind.Protocol, $"{endpoint}: unexpected response shape: {e.Message}");
        }
    }
}

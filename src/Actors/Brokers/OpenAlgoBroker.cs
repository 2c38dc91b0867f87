using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// The broker port over an OpenAlgo server's REST API (POST api/v1/{endpoint}, JSON, apikey in the body).
/// HTTP 429 → RateLimited (Retry-After honoured); 5xx, timeouts and connection failures → Transient; other 4xx and
/// <c>{"status":"error"}</c> → Rejected/NotFound with the server's message; unreadable JSON → Protocol.
/// OpenAlgo has no client order id, so idempotency is kept here: a second place of the same client order id returns
/// the first result (concurrent duplicates share one HTTP call). A transient failure of a place is forgotten so it can
/// be retried; since it may have reached the broker, reconcile (<see cref="GetOrderBookAsync"/>) before resubmitting.
/// OpenAlgo does not push executions: <see cref="PollAsync"/> diffs the order book and publishes execution reports.
/// </summary>
public sealed partial class OpenAlgoBroker : IBrokerAdapter, IPolledBroker
{
    private readonly HttpClient _http;
    private readonly OpenAlgoOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<ExecutionReport> _reports = Channel.CreateUnbounded<ExecutionReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<ClientOrderId, Lazy<Task<BrokerResult<BrokerOrderAck>>>> _placed = new();
    private readonly ConcurrentDictionary<string, BrokerOrder> _ordersById = new();

    public OpenAlgoBroker(HttpClient http, OpenAlgoOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
    }

    public string Name => _options.Name;
    public TimeSpan PollInterval => _options.PollInterval;
    public ChannelReader<ExecutionReport> ExecutionReports => _reports.Reader;

    public async Task<BrokerResult<BrokerOrderAck>> PlaceOrderAsync(BrokerOrder order, CancellationToken cancellationToken = default)
    {
        var lazy = _placed.GetOrAdd(order.ClientOrderId, _ => new Lazy<Task<BrokerResult<BrokerOrderAck>>>(() => PlaceCoreAsync(order, cancellationToken)));
        var entry = new KeyValuePair<ClientOrderId, Lazy<Task<BrokerResult<BrokerOrderAck>>>>(order.ClientOrderId, lazy);
        BrokerResult<BrokerOrderAck> result;
        try
        {
            result = await lazy.Value.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _placed.TryRemove(entry); // a canceled attempt must not poison later submissions of the same id
            throw;
        }
        if (result.Error is { IsTransient: true }) _placed.TryRemove(entry);
        return result;
    }

    private async Task<BrokerResult<BrokerOrderAck>> PlaceCoreAsync(BrokerOrder order, CancellationToken ct)
    {
        var body = Body();
        body["strategy"] = string.IsNullOrEmpty(order.AlgoId) ? _options.Strategy : order.AlgoId;
        body["symbol"] = order.Symbol.Symbol;
        body["exchange"] = order.Symbol.Exchange;
        body["action"] = OpenAlgoMapping.Action(order.Side);
        body["pricetype"] = OpenAlgoMapping.PriceType(order.Type);
        body["product"] = order.Product.ToString().ToUpperInvariant();
        body["quantity"] = OpenAlgoJson.Number(order.Quantity);
        body["price"] = OpenAlgoJson.Number(order.LimitPrice ?? 0);
        body["trigger_price"] = OpenAlgoJson.Number(order.StopPrice ?? 0);
        body["disclosed_quantity"] = "0";
        var r = await PostAsync("placeorder", body, ct).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        var id = OpenAlgoJson.String(r.Value, "orderid");
        if (id.Length == 0) return new BrokerError(BrokerErrorKind.Protocol, "placeorder succeeded without an orderid");
        _ordersById[id] = order;
        return BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(id, order.ClientOrderId, Api.V1.OrderStatus.Accepted));
    }

    public async Task<BrokerResult<BrokerOrderAck>> ModifyOrderAsync(string brokerOrderId, OrderModification m, CancellationToken cancellationToken = default)
    {
        if (!_ordersById.TryGetValue(brokerOrderId, out var order))
            return new BrokerError(BrokerErrorKind.NotFound, $"order {brokerOrderId} was not placed through this adapter");
        var updated = order with { Quantity = m.Quantity ?? order.Quantity, LimitPrice = m.LimitPrice ?? order.LimitPrice, StopPrice = m.StopPrice ?? order.StopPrice };
        var body = Body();
        body["strategy"] = _options.Strategy;
        body["orderid"] = brokerOrderId;
        body["symbol"] = order.Symbol.Symbol;
        body["exchange"] = order.Symbol.Exchange;
        body["action"] = OpenAlgoMapping.Action(order.Side);
        body["product"] = order.Product.ToString().ToUpperInvariant();
        body["pricetype"] = OpenAlgoMapping.PriceType(order.Type);
        body["quantity"] = OpenAlgoJson.Number(updated.Quantity);
        body["price"] = OpenAlgoJson.Number(updated.LimitPrice ?? 0);
        body["trigger_price"] = OpenAlgoJson.Number(updated.StopPrice ?? 0);
        body["disclosed_quantity"] = "0";
        var r = await PostAsync("modifyorder", body, cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        _ordersById[brokerOrderId] = updated;
        return BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(brokerOrderId, order.ClientOrderId, Api.V1.OrderStatus.Open));
    }

    public async Task<BrokerResult<BrokerOrderAck>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        var body = Body();
        body["strategy"] = _options.Strategy;
        body["orderid"] = brokerOrderId;
        var r = await PostAsync("cancelorder", body, cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess) return r.Error!;
        var cid = _ordersById.TryGetValue(brokerOrderId, out var o) ? o.ClientOrderId : default;
        return BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(brokerOrderId, cid, Api.V1.OrderStatus.Canceled));
    }

    private JsonObject Body() => new() { ["apikey"] = _options.ApiKey };

    /// <summary>POSTs one API call; returns the parsed root of a success response or a classified error.</summary>
    private async Task<BrokerResult<JsonElement>> PostAsync(string endpoint, JsonObject body, CancellationToken ct)
    {
        HttpResponseMessage response;
        string text;
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            response = await _http.PostAsync(new Uri(_options.BaseAddress, "api/v1/" + endpoint), content, ct).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return BrokerResult<JsonElement>.Fail(BrokerErrorKind.Transient, $"{endpoint}: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return BrokerResult<JsonElement>.Fail(BrokerErrorKind.Transient, $"{endpoint}: timed out");
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return BrokerResult<JsonElement>.Fail(BrokerErrorKind.RateLimited, $"{endpoint}: HTTP 429 too many requests", RetryAfter(response));
            if ((int)response.StatusCode >= 500)
                return BrokerResult<JsonElement>.Fail(BrokerErrorKind.Transient, $"{endpoint}: HTTP {(int)response.StatusCode} {Message(text)}".TrimEnd());
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(text);
                root = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                return BrokerResult<JsonElement>.Fail(BrokerErrorKind.Protocol, $"{endpoint}: unreadable response (HTTP {(int)response.StatusCode}): {e.Message}");
            }
            var ok = response.IsSuccessStatusCode && root.ValueKind == JsonValueKind.Object && OpenAlgoJson.String(root, "status") == "success";
            if (ok) return BrokerResult<JsonElement>.Ok(root);
            var message = root.ValueKind == JsonValueKind.Object ? OpenAlgoJson.String(root, "message") : "";
            var kind = response.StatusCode == HttpStatusCode.NotFound ? BrokerErrorKind.NotFound : BrokerErrorKind.Rejected;
            return BrokerResult<JsonElement>.Fail(kind, $"{endpoint}: {(message.Length > 0 ? message : $"HTTP {(int)response.StatusCode}")}");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var h = response.Headers.RetryAfter;
        if (h?.Delta is { } delta) return delta;
        if (h?.Date is { } date) return date - _time.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        return null;
    }

    private static string Message(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? OpenAlgoJson.String(doc.RootElement, "message") : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}

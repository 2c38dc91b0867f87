using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorTrading.Actors.Tests.Brokers;

/// <summary>
/// An in-memory OpenAlgo server behind an HttpMessageHandler, following the REST contract (POST api/v1/..., apikey in
/// the body, {"status":"success"|"error"}). Numbers come back as strings in some fields, like real OpenAlgo brokers.
/// Tests can fill orders and inject HTTP failures.
/// </summary>
internal sealed class FakeOpenAlgoServer : HttpMessageHandler
{
    public const string Key = "test-key";
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _orders = new();
    private readonly List<JsonObject> _trades = [];
    private readonly Dictionary<string, (decimal Qty, decimal Avg, string Product)> _positions = new();
    private readonly Queue<(HttpStatusCode Code, string Body, TimeSpan? RetryAfter)> _injected = new();
    private int _sequence;

    public Dictionary<string, int> Calls { get; } = new();
    public List<JsonObject> Requests { get; } = [];

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://openalgo.test/") };

    public void Inject(HttpStatusCode code, string body = "", TimeSpan? retryAfter = null)
    {
        lock (_gate) _injected.Enqueue((code, body, retryAfter));
    }

    public void Fill(string orderId, decimal qty, decimal price)
    {
        lock (_gate)
        {
            var o = _orders[orderId];
            var filled = decimal.Parse((string)o["filled_quantity"]!);
            var avg = (decimal)o["average_price"]!;
            var newFilled = filled + qty;
            o["average_price"] = (avg * filled + price * qty) / newFilled;
            o["filled_quantity"] = newFilled.ToString();
            o["order_status"] = newFilled == decimal.Parse((string)o["quantity"]!) ? "complete" : "open";
            var key = $"{o["exchange"]}:{o["symbol"]}";
            var signed = (string)o["action"]! == "BUY" ? qty : -qty;
            var p = _positions.TryGetValue(key, out var existing) ? existing : (Qty: 0m, Avg: 0m, Product: (string)o["product"]!);
            _positions[key] = (p.Qty + signed, price, p.Product);
            _trades.Add(new JsonObject { ["orderid"] = orderId, ["symbol"] = o["symbol"]!.ToString(), ["exchange"] = o["exchange"]!.ToString(),
                ["action"] = o["action"]!.ToString(), ["product"] = o["product"]!.ToString(), ["quantity"] = qty.ToString(),
                ["average_price"] = price, ["trade_value"] = (qty * price).ToString(), ["timestamp"] = "10:00:00" });
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var endpoint = request.RequestUri!.AbsolutePath.Replace("/api/v1/", "");
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        lock (_gate)
        {
            Calls[endpoint] = Calls.GetValueOrDefault(endpoint) + 1;
            Requests.Add(body);
            if (_injected.TryDequeue(out var inj))
            {
                var r = new HttpResponseMessage(inj.Code) { Content = new StringContent(inj.Body, Encoding.UTF8, "application/json") };
                if (inj.RetryAfter is { } ra) r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(ra);
                return r;
            }
            if ((string?)body["apikey"] != Key) return Error(HttpStatusCode.Forbidden, "Invalid openalgo apikey");
            return endpoint switch
            {
                "placeorder" => Place(body),
                "modifyorder" => Modify(body),
                "cancelorder" => Cancel(body),
                "cancelallorder" => CancelAll(),
                "closeposition" => CloseAll(),
                "orderstatus" => _orders.TryGetValue((string?)body["orderid"] ?? "", out var o) ? Ok(new JsonObject { ["data"] = o.DeepClone() }) : Error(HttpStatusCode.BadRequest, "Order not found"),
                "orderbook" => Ok(new JsonObject { ["data"] = new JsonObject { ["orders"] = new JsonArray(_orders.Values.Select(v => (JsonNode)v.DeepClone()).ToArray()), ["statistics"] = new JsonObject() } }),
                "tradebook" => Ok(new JsonObject { ["data"] = new JsonArray(_trades.Select(t => (JsonNode)t.DeepClone()).ToArray()) }),
                "positionbook" => Ok(new JsonObject { ["data"] = new JsonArray(_positions.Select(kv => (JsonNode)new JsonObject
                {
                    ["symbol"] = kv.Key.Split(':')[1], ["exchange"] = kv.Key.Split(':')[0], ["product"] = kv.Value.Product,
                    ["quantity"] = kv.Value.Qty.ToString(), ["average_price"] = kv.Value.Avg.ToString(),
                }).ToArray()) }),
                "funds" => Ok(new JsonObject { ["data"] = new JsonObject { ["availablecash"] = "100000.50", ["collateral"] = "0.00", ["m2mrealized"] = "-12.5", ["m2munrealized"] = 7, ["utiliseddebits"] = "2500.00" } }),
                _ => Error(HttpStatusCode.NotFound, $"no endpoint {endpoint}"),
            };
        }
    }

    private HttpResponseMessage Place(JsonObject b)
    {
        string[] required = ["strategy", "symbol", "exchange", "action", "pricetype", "product", "quantity"];
        foreach (var f in required) if (string.IsNullOrEmpty(b[f]?.ToString())) return Error(HttpStatusCode.BadRequest, $"Missing mandatory field: {f}");
        if ((string)b["action"]! is not ("BUY" or "SELL")) return Error(HttpStatusCode.BadRequest, "Invalid action");
        if ((string)b["pricetype"]! is not ("MARKET" or "LIMIT" or "SL" or "SL-M")) return Error(HttpStatusCode.BadRequest, "Invalid pricetype");
        if ((string)b["symbol"]! == "BADSYM") return Error(HttpStatusCode.BadRequest, "Symbol not found");
        var id = $"2501150000{++_sequence:D4}";
        _orders[id] = new JsonObject
        {
            ["orderid"] = id, ["symbol"] = b["symbol"]!.ToString(), ["exchange"] = b["exchange"]!.ToString(), ["action"] = b["action"]!.ToString(),
            ["pricetype"] = b["pricetype"]!.ToString(), ["product"] = b["product"]!.ToString(), ["quantity"] = b["quantity"]!.ToString(),
            ["price"] = decimal.Parse(b["price"]?.ToString() ?? "0"), ["trigger_price"] = b["trigger_price"]?.ToString() ?? "0",
            ["average_price"] = 0m, ["filled_quantity"] = "0", ["order_status"] = "open", ["strategy"] = b["strategy"]!.ToString(),
        };
        return Ok(new JsonObject { ["orderid"] = id });
    }

    private HttpResponseMessage Modify(JsonObject b)
    {
        if (!_orders.TryGetValue((string?)b["orderid"] ?? "", out var o)) return Error(HttpStatusCode.BadRequest, "Order not found");
        if ((string)o["order_status"]! != "open") return Error(HttpStatusCode.BadRequest, "Order cannot be modified");
        o["quantity"] = b["quantity"]!.ToString();
        o["price"] = decimal.Parse(b["price"]!.ToString());
        return Ok(new JsonObject { ["orderid"] = o["orderid"]!.ToString() });
    }

    private HttpResponseMessage Cancel(JsonObject b)
    {
        if (!_orders.TryGetValue((string?)b["orderid"] ?? "", out var o)) return Error(HttpStatusCode.BadRequest, "Order not found");
        if ((string)o["order_status"]! != "open") return Error(HttpStatusCode.BadRequest, $"Order is {o["order_status"]}");
        o["order_status"] = "cancelled";
        return Ok(new JsonObject { ["orderid"] = o["orderid"]!.ToString() });
    }

    private HttpResponseMessage CancelAll()
    {
        var ids = _orders.Values.Where(o => (string)o["order_status"]! == "open").Select(o => { o["order_status"] = "cancelled"; return (JsonNode)o["orderid"]!.ToString(); }).ToArray();
        return Ok(new JsonObject { ["canceled_orders"] = new JsonArray(ids) });
    }

    private HttpResponseMessage CloseAll()
    {
        _positions.Clear();
        return Ok(new JsonObject { ["message"] = "All Open Positions SquaredOff" });
    }

    private static HttpResponseMessage Ok(JsonObject payload)
    {
        payload["status"] = "success";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    private static HttpResponseMessage Error(HttpStatusCode code, string message) =>
        new(code) { Content = new StringContent(JsonSerializer.Serialize(new { status = "error", message }), Encoding.UTF8, "application/json") };
}

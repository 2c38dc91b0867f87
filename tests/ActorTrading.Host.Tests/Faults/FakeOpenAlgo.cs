using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>
/// An OpenAlgo server on loopback (POST /api/v1/{endpoint}, apikey in the body) outside the node, so it outlives a
/// node that is killed. It records every placeorder and fills each one at once at <see cref="FillPrice"/>. While
/// <see cref="Hold"/> is set it takes the order (placed and filled, like a broker that got it) but never answers —
/// the window in which a crashed node cannot know the broker has the order.
/// </summary>
public sealed class FakeOpenAlgo : IAsyncDisposable
{
    public const string ApiKey = "fake-openalgo-key";
    private readonly object _gate = new();
    private readonly List<JsonObject> _orders = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplication _app;
    private readonly long _idBase = 1_000_000_000L * Random.Shared.Next(100, 999);   // unique across runs on one database, like a real broker's
    private int _held;

    private FakeOpenAlgo(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public decimal FillPrice { get; set; } = 100m;
    public volatile bool Hold;

    /// <summary>Completes once this many placeorders have been held.</summary>
    public TaskCompletionSource HeldEnough { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int HoldTarget { get; set; } = 3;

    /// <summary>Every placeorder accepted: (broker order id, body).</summary>
    public List<(string OrderId, JsonObject Body)> Placed { get; } = [];

    public static async Task<FakeOpenAlgo> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenAlgo(app);
        app.MapPost("/api/v1/{endpoint}", (string endpoint, HttpContext http) => fake.HandleAsync(endpoint, http));
        await app.StartAsync();
        fake.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return fake;
    }

    public int PlacedCount
    {
        get { lock (_gate) return Placed.Count; }
    }

    private async Task HandleAsync(string endpoint, HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))?.AsObject() ?? [];
        if ((string?)body["apikey"] != ApiKey) { await Reply(http, 403, Error("Invalid openalgo apikey")); return; }
        JsonObject response;
        var hold = false;
        lock (_gate)
        {
            response = endpoint switch
            {
                "placeorder" => Place(body, out hold),
                "orderbook" => Ok(new JsonObject { ["data"] = new JsonObject { ["orders"] = new JsonArray([.. _orders.Select(o => o.DeepClone())]), ["statistics"] = new JsonObject() } }),
                "orderstatus" => _orders.FirstOrDefault(o => (string?)o["orderid"] == (string?)body["orderid"]) is { } o ? Ok(new JsonObject { ["data"] = o.DeepClone() }) : Error("Order not found"),
                "positionbook" => Ok(new JsonObject { ["data"] = new JsonArray() }),
                _ => Error($"no endpoint {endpoint}"),
            };
        }
        if (hold)
        {
            await _release.Task.WaitAsync(http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;   // the node died waiting: it never learns the broker order id
        }
        await Reply(http, (string?)response["status"] == "success" ? 200 : 400, response);
    }

    private JsonObject Place(JsonObject b, out bool hold)
    {
        var id = (_idBase + _orders.Count + 1).ToString(CultureInfo.InvariantCulture);
        var quantity = (string)b["quantity"]!;
        _orders.Add(new JsonObject
        {
            ["orderid"] = id, ["symbol"] = (string)b["symbol"]!, ["exchange"] = (string)b["exchange"]!, ["action"] = (string)b["action"]!,
            ["pricetype"] = (string)b["pricetype"]!, ["product"] = (string)b["product"]!, ["quantity"] = quantity,
            ["price"] = (string)b["price"]!, ["trigger_price"] = (string)b["trigger_price"]!, ["filled_quantity"] = quantity,
            ["average_price"] = FillPrice.ToString(CultureInfo.InvariantCulture), ["order_status"] = "complete",
        });
        Placed.Add((id, b));
        hold = Hold;
        if (hold && ++_held >= HoldTarget) HeldEnough.TrySetResult();
        return Ok(new JsonObject { ["orderid"] = id });
    }

    private static JsonObject Ok(JsonObject payload)
    {
        payload["status"] = "success";
        return payload;
    }

    private static JsonObject Error(string message) => new() { ["status"] = "error", ["message"] = message };

    private static Task Reply(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using ActorTrading.Api.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Load.Host;

/// <summary>One load account and the PlaceOrder call with unique client order ids.</summary>
internal sealed class OrderSession
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Accounts = AccountsReflection.Descriptor.Services[0];
    private static readonly Method<CreateAccountRequest, Account> Create = Method.Create<CreateAccountRequest, Account>(Accounts, "CreateAccount");
    private static readonly Method<HaltRequest, TradingStateChanged> Halt = Method.Create<HaltRequest, TradingStateChanged>(Accounts, "Halt");
    private static readonly Method<ResumeRequest, TradingStateChanged> Resume = Method.Create<ResumeRequest, TradingStateChanged>(Accounts, "Resume");
    private static readonly Method<PlaceOrderRequest, OrderAck> Place =
        Method.Create<PlaceOrderRequest, OrderAck>(OrdersReflection.Descriptor.Services[0], "PlaceOrder");

    private readonly GrpcClient _client;
    private readonly CallOptions _auth;
    private long _sequence;

    private OrderSession(GrpcClient client, CallOptions auth, string account)
    {
        _client = client;
        _auth = auth;
        Account = account;
    }

    public string Account { get; }

    public static async Task<OrderSession> OpenAsync(GrpcClient client, string key, CancellationToken ct)
    {
        var auth = new CallOptions(new Metadata().Add("authorization", "Bearer " + key), cancellationToken: ct);
        var account = "load-" + Guid.NewGuid().ToString("N")[..12];
        await client.UnaryAsync(Create, new CreateAccountRequest
        {
            AccountId = account, DisplayName = "load", InitialCash = new ActorTrading.Api.V1.Decimal { Units = 1_000_000_000_000 },
            Limits = new RiskLimits
            {
                MaxOrdersPerDay = 100_000_000, MaxTradesPerDay = 100_000_000, MaxOpenPositions = 1000,
                MaxPositionPercent = new ActorTrading.Api.V1.Decimal { Units = 100 }, PriceBandPercent = new ActorTrading.Api.V1.Decimal { Units = 100 },
            },
        }, auth);
        // a state change hands the risk child its first view of the account (the first order would otherwise wait for it)
        await client.UnaryAsync(Halt, new HaltRequest { AccountId = account, Mode = TradingState.Halted, Reason = "load warm-up" }, auth);
        await client.UnaryAsync(Resume, new ResumeRequest { AccountId = account }, auth);
        var session = new OrderSession(client, auth, account);
        // risk starts watching NSE:TCS on its first order (denied PRICE_BAND until a tick arrives); a brand-new account
        // may still answer UNAVAILABLE ("risk is restarting") while its risk child takes its first view: retry, as the API says
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await session.PlaceAsync(ct);
                return session;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
            }
        }
    }

    public Task<OrderAck> PlaceAsync(CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _sequence);
        return _client.UnaryAsync(Place, new PlaceOrderRequest
        {
            AccountId = Account, ClientOrderId = "l-" + n, Symbol = "NSE:TCS", Side = (n & 1) == 0 ? Side.Sell : Side.Buy, Type = OrderType.Market,
            Quantity = new ActorTrading.Api.V1.Decimal { Units = 1 }, TimeInForce = TimeInForce.Day, Product = Product.Mis,
        }, _auth);
    }
}

using ActorTrading.Api.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Load.Host;

/// <summary>One load account and the PlaceOrder call with unique client order ids.</summary>
internal sealed class OrderSession
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Accounts = AccountsReflection.Descriptor.Services[0];
    private static readonly Method<CreateAccountRequest, Account> Create = Method.Create<CreateAccountRequest, Account>(Accounts, "CreateAccount");
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
        var session = new OrderSession(client, auth, account);
        // A brand-new account accepts its first order at once (its risk and position children are seeded when it is
        // created); this first order also makes the node's NSE:TCS symbol known, so the measured orders are not the first.
        await session.PlaceAsync(ct);
        return session;
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

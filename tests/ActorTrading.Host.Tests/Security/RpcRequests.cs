using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Host.Tests.Security;

/// <summary>A well-formed request for every rpc of the API, aimed at one account.</summary>
public static class RpcRequests
{
    private static int _unique;

    public static IMessage For(string path, string account)
    {
        var n = Interlocked.Increment(ref _unique);
        var one = new global::ActorTrading.Api.V1.Decimal { Units = 1 };
        return path switch
        {
            "Accounts/CreateAccount" => new CreateAccountRequest { AccountId = $"new-{n}", InitialCash = new global::ActorTrading.Api.V1.Decimal { Units = 1000 } },
            "Accounts/GetAccount" => new GetAccountRequest { AccountId = account },
            "Accounts/ListAccounts" => new ListAccountsRequest(),
            "Accounts/UpdateRiskLimits" => new UpdateRiskLimitsRequest { AccountId = account, Limits = new RiskLimits { MaxOpenPositions = 4 } },
            "Accounts/Halt" => new HaltRequest { AccountId = account, Mode = TradingState.Halted, Reason = "matrix" },
            "Accounts/Resume" => new ResumeRequest { AccountId = account },
            "Accounts/CreateApiKey" => new CreateApiKeyRequest { Principal = $"k-{n}", Role = Role.Viewer, AccountIds = { account } },
            "Accounts/ListAuditEvents" => new ListAuditEventsRequest { AccountId = account },
            "Orders/PlaceOrder" => new PlaceOrderRequest { AccountId = account, ClientOrderId = $"c-{n}", Symbol = "NSE:TCS", Side = Side.Buy,
                Type = OrderType.Market, Quantity = one, TimeInForce = TimeInForce.Day, Product = Product.Mis },
            "Orders/ModifyOrder" => new ModifyOrderRequest { AccountId = account, OrderId = "o-1", Quantity = one },
            "Orders/CancelOrder" => new CancelOrderRequest { AccountId = account, OrderId = "o-1" },
            "Orders/CancelAllOrders" => new CancelAllOrdersRequest { AccountId = account },
            "Orders/GetOrder" => new GetOrderRequest { AccountId = account, OrderId = "o-1" },
            "Orders/ListOrders" => new ListOrdersRequest { AccountId = account },
            "Orders/ListTrades" => new ListTradesRequest { AccountId = account },
            "Orders/StreamOrderEvents" => new StreamOrderEventsRequest { AccountId = account },
            "Portfolio/GetPortfolio" => new GetPortfolioRequest { AccountId = account },
            "Portfolio/StreamPortfolio" => new StreamPortfolioRequest { AccountId = account },
            "Portfolio/ClosePosition" => new ClosePositionRequest { AccountId = account, Symbol = "NSE:TCS", Product = Product.Mis },
            "Portfolio/CloseAllPositions" => new CloseAllPositionsRequest { AccountId = account },
            "MarketData/Subscribe" => new SubscribeRequest { Symbols = { "NSE:TCS" } },
            "MarketData/GetQuote" => new GetQuoteRequest { Symbol = "NSE:TCS" },
            "MarketData/GetBars" => new GetBarsRequest { Symbol = "NSE:TCS", From = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)), To = Timestamp.FromDateTime(DateTime.UtcNow) },
            "MarketData/PublishTicks" => new Tick { Symbol = "NSE:TCS", Bid = one, Ask = one, Last = one, Time = Timestamp.FromDateTime(DateTime.UtcNow), Sequence = n },
            "MarketData/ListSymbols" => new ListSymbolsRequest(),
            "Strategies/ListStrategyTypes" => new ListStrategyTypesRequest(),
            "Strategies/StartStrategy" => new StartStrategyRequest { AccountId = account, Type = StrategyCatalog.Default.All.First(d => d.Name == "signal_follower").Name, InstanceName = $"s-{n}", Symbols = { "NSE:TCS" } },
            "Strategies/StopStrategy" => new StopStrategyRequest { AccountId = account, InstanceName = "missing" },
            "Strategies/ListStrategies" => new ListStrategiesRequest { AccountId = account },
            "Strategies/SendSignal" => new SendSignalRequest { AccountId = account, InstanceName = "missing", Symbol = "NSE:TCS", Action = Side.Buy, Quantity = one },
            "Cluster/ListMembers" => new ListMembersRequest(),
            "Cluster/LocateAccount" => new LocateAccountRequest { AccountId = account },
            _ => throw new ArgumentException("no request for " + path),
        };
    }
}

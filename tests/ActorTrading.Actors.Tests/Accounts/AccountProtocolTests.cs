using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

public sealed class AccountProtocolTests
{
    [Fact]
    public async Task CreateAccount_New_ReturnsAccountWithCashAndLimits()
    {
        await using var h = new CoreHarness();
        var account = h.CreateAccount(cash: 500_000m);
        Assert.Equal("acc-1", account.AccountId);
        Assert.Equal(500_000m, ProtoDecimal.FromProto(account.Cash));
        Assert.Equal(TradingState.Active, account.State);
        Assert.Equal(3, account.Limits.MaxOpenPositions);
        Assert.Equal("node-1", account.NodeId);
    }

    [Fact]
    public async Task CreateAccount_Twice_FailsAlreadyExists()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new CreateAccountRequest { AccountId = "acc-1", InitialCash = ProtoDecimal.ToProto(1m) });
        Assert.Equal(FailureCode.AlreadyExists, failed.Code);
    }

    [Fact]
    public async Task CreateAccount_NegativeCash_FailsInvalidArgumentNamingField()
    {
        await using var h = new CoreHarness();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new CreateAccountRequest { AccountId = "acc-1", InitialCash = ProtoDecimal.ToProto(-5m) });
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal("initial_cash", failed.Field);
    }

    [Fact]
    public async Task CreateAccount_BadLimits_FailsInvalidArgumentNamingLimitField()
    {
        await using var h = new CoreHarness();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new CreateAccountRequest
        {
            AccountId = "acc-1", InitialCash = ProtoDecimal.ToProto(1000m), Limits = new RiskLimits { MaxDailyLossPercent = ProtoDecimal.ToProto(150m) },
        });
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal("max_daily_loss_percent", failed.Field);
    }

    [Fact]
    public async Task GetAccount_NeverCreated_FailsNotFoundAndCreatesNothing()
    {
        await using var h = new CoreHarness();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account("ghost"), new GetAccountRequest { AccountId = "ghost" });
        Assert.Equal(FailureCode.NotFound, failed.Code);
        Assert.Equal(0, h.Journal.Appends);
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account("ghost"), new GetAccountRequest { AccountId = "ghost" }).Code);
    }

    [Fact]
    public async Task AnyRequest_AccountIdMismatch_FailsInvalidArgumentAccountId()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new GetAccountRequest { AccountId = "other" });
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal("account_id", failed.Field);
    }

    [Theory]
    [InlineData("place")]
    [InlineData("cancel")]
    [InlineData("portfolio")]
    [InlineData("halt")]
    [InlineData("strategy")]
    [InlineData("orders")]
    public async Task Requests_UnknownAccount_FailNotFound(string which)
    {
        await using var h = new CoreHarness();
        object request = which switch
        {
            "place" => CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 1, account: "nobody"),
            "cancel" => new CancelOrderRequest { AccountId = "nobody", OrderId = "O1" },
            "portfolio" => new GetPortfolioRequest { AccountId = "nobody" },
            "halt" => new HaltRequest { AccountId = "nobody" },
            "strategy" => new StartStrategyRequest { AccountId = "nobody", Type = "ema_crossover", InstanceName = "x" },
            _ => new ListOrdersRequest { AccountId = "nobody" },
        };
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account("nobody"), request).Code);
    }

    [Fact]
    public async Task UpdateRiskLimits_PartialChange_KeepsUnsetFields()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var limits = h.Ask<RiskLimits>(CoreHarness.Account(), new UpdateRiskLimitsRequest
        {
            AccountId = "acc-1", Limits = new RiskLimits { MaxOpenPositions = 7, EnforceMarketHours = true },
        });
        Assert.Equal(7, limits.MaxOpenPositions);
        Assert.Equal(2.5m, ProtoDecimal.FromProto(limits.MinRewardRisk));
        Assert.Equal(50, limits.MaxTradesPerDay);
    }

    [Fact]
    public async Task UpdateRiskLimits_Invalid_FailsNamingField()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new UpdateRiskLimitsRequest
        {
            AccountId = "acc-1", Limits = new RiskLimits { MaxOpenPositions = -1 },
        });
        Assert.Equal("max_open_positions", failed.Field);
    }

    [Fact]
    public async Task PlaceOrder_InvalidSymbol_FailsInvalidArgumentSymbol()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), CoreHarness.PlaceRequest("c1", "bad symbol", Side.Buy, 1));
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal("symbol", failed.Field);
    }

    [Fact]
    public async Task PlaceOrder_LimitWithoutPrice_FailsInvalidArgumentLimitPrice()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 1, OrderType.Limit));
        Assert.Equal("limit_price", failed.Field);
    }

    [Fact]
    public async Task PlaceOrder_MissingSide_FailsInvalidArgumentSide()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var request = CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 1);
        request.Side = Side.Unspecified;
        Assert.Equal("side", h.Ask<CommandFailed>(CoreHarness.Account(), request).Field);
    }

    [Fact]
    public async Task GetOrder_Unknown_FailsNotFoundOrderId()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = "O99" });
        Assert.Equal(FailureCode.NotFound, failed.Code);
        Assert.Equal("order_id", failed.Field);
    }

    [Fact]
    public async Task ListOrders_BadPageToken_FailsInvalidArgument()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", PageToken = "garbage!" });
        Assert.Equal("page_token", failed.Field);
        Assert.Equal("page_size", h.Ask<CommandFailed>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", PageSize = -3 }).Field);
    }

    [Fact]
    public async Task ClosePosition_NoPosition_FailsNotFound()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new ClosePositionRequest { AccountId = "acc-1", Symbol = "NSE:TCS", Product = Product.Mis });
        Assert.Equal(FailureCode.NotFound, failed.Code);
        Assert.Equal("product", h.Ask<CommandFailed>(CoreHarness.Account(), new ClosePositionRequest { AccountId = "acc-1", Symbol = "NSE:TCS" }).Field);
    }

    [Fact]
    public async Task Halt_ActiveMode_FailsInvalidArgumentMode()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new HaltRequest { AccountId = "acc-1", Mode = TradingState.Active });
        Assert.Equal("mode", failed.Field);
    }

    [Fact]
    public async Task ModifyAndCancel_UnknownOrder_FailNotFound()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = "O5" }).Code);
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account(), new ModifyOrderRequest { AccountId = "acc-1", OrderId = "O5" }).Code);
    }
}

using ActorTrading.Api.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>The C# example of README.md, verbatim between the markers; <see cref="ReadmeExamplesTests"/> runs it.</summary>
public static class ReadmeCSharpExample
{
    public static async Task<string> RunAsync(string address, string key)
    {
        // README:begin
        using var channel = GrpcChannel.ForAddress(address);               // "http://127.0.0.1:5000": cleartext HTTP/2
        var client = new GrpcClient(channel);
        var auth = new CallOptions(new Metadata().Add("authorization", "Bearer " + key));
        var accounts = AccountsReflection.Descriptor.Services[0];
        var createAccount = Method.Create<CreateAccountRequest, Account>(accounts, "CreateAccount");
        var subscribe = Method.Create<SubscribeRequest, Tick>(MarketDataReflection.Descriptor.Services[0], "Subscribe");
        var getPortfolio = Method.Create<GetPortfolioRequest, PortfolioSnapshot>(PortfolioReflection.Descriptor.Services[0], "GetPortfolio");

        var account = await client.UnaryAsync(createAccount,
            new CreateAccountRequest { AccountId = "demo-cs", DisplayName = "Demo", InitialCash = new ActorTrading.Api.V1.Decimal { Units = 1_000_000 } }, auth);
        using (var ticks = client.ServerStreaming(subscribe, new SubscribeRequest { Symbols = { "NSE:TCS" } }, auth))
        {
            await ticks.ResponseStream.MoveNext(CancellationToken.None);
            Console.WriteLine($"{ticks.ResponseStream.Current.Symbol} last {ticks.ResponseStream.Current.Last.Units}");
        }                                                                   // disposing the call cancels the stream
        var portfolio = await client.UnaryAsync(getPortfolio, new GetPortfolioRequest { AccountId = account.AccountId }, auth);
        Console.WriteLine($"{portfolio.AccountId}: cash {portfolio.Cash.Units}, state {portfolio.State}");
        // README:end
        return portfolio.AccountId;
    }
}

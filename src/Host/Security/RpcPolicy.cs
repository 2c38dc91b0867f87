using System.Collections.Frozen;
using ActorTrading.Api.V1;

namespace ActorTrading.Host.Security;

/// <summary>
/// Who may call each rpc and whether it changes state (then it is audited). API.md: admin everything; trader full
/// trading on its accounts; limited_trader place/modify/cancel/close but no limits, halt/resume or strategies; viewer
/// read only. Account-scoped rpcs additionally check the account (<see cref="AccountAccess"/>).
/// </summary>
public static class RpcPolicy
{
    public readonly record struct Rule(Capability Needs, bool ChangesState);

    private static readonly FrozenDictionary<string, Rule> Rules = Build();

    /// <summary>The rule of <paramref name="method"/> (a path <c>/package.Service/Method</c>); unknown paths need Admin.</summary>
    public static Rule For(string method)
    {
        if (Rules.TryGetValue(method, out var rule)) return rule;
        return method.StartsWith("/grpc.health.", StringComparison.Ordinal) || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal)
            ? new Rule(Capability.Public, false)
            : new Rule(Capability.Admin, false);
    }

    public static IEnumerable<string> Methods => Rules.Keys;

    public static Capability Highest(Role role) => role switch
    {
        Role.Admin => Capability.Admin,
        Role.Trader => Capability.Manage,
        Role.LimitedTrader => Capability.Trade,
        Role.Viewer => Capability.Read,
        _ => Capability.Public,
    };

    public static bool Allows(Role role, Capability needs) => needs <= Highest(role);

    private static FrozenDictionary<string, Rule> Build()
    {
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        void Add(Google.Protobuf.Reflection.FileDescriptor file, Capability needs, bool changes, params string[] methods)
        {
            var service = file.Services[0];
            foreach (var m in methods)
            {
                var method = service.FindMethodByName(m) ?? throw new InvalidOperationException($"{service.FullName} has no rpc {m}");
                rules.Add($"/{service.FullName}/{method.Name}", new Rule(needs, changes));
            }
        }
        Add(AccountsReflection.Descriptor, Capability.Admin, true, "CreateAccount", "CreateApiKey");
        Add(AccountsReflection.Descriptor, Capability.Read, false, "GetAccount", "ListAccounts", "ListAuditEvents");
        Add(AccountsReflection.Descriptor, Capability.Manage, true, "UpdateRiskLimits", "Halt", "Resume");
        Add(OrdersReflection.Descriptor, Capability.Trade, true, "PlaceOrder", "ModifyOrder", "CancelOrder", "CancelAllOrders");
        Add(OrdersReflection.Descriptor, Capability.Read, false, "GetOrder", "ListOrders", "ListTrades", "StreamOrderEvents");
        Add(PortfolioReflection.Descriptor, Capability.Read, false, "GetPortfolio", "StreamPortfolio");
        Add(PortfolioReflection.Descriptor, Capability.Trade, true, "ClosePosition", "CloseAllPositions");
        Add(MarketDataReflection.Descriptor, Capability.Read, false, "Subscribe", "GetQuote", "GetBars", "ListSymbols");
        Add(MarketDataReflection.Descriptor, Capability.Admin, true, "PublishTicks");
        Add(StrategiesReflection.Descriptor, Capability.Read, false, "ListStrategyTypes", "ListStrategies");
        Add(StrategiesReflection.Descriptor, Capability.Manage, true, "StartStrategy", "StopStrategy", "SendSignal");
        Add(ClusterReflection.Descriptor, Capability.Admin, false, "ListMembers", "LocateAccount");
        return rules.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

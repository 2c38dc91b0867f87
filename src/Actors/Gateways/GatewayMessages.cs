using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Gateways;

// Messages between accounts and the gateway. The gateway is node-local; what it sends an account by identity
// (GatewayReport, ReconcileRequested) may cross nodes and has a wire form: GatewayWireSerializer.

/// <summary>Account → gateway: send a new order. <see cref="BrokerOrder.ClientOrderId"/> is the routing id (<see cref="GatewayRouting"/>).</summary>
/// <param name="TickArrivedAt">diagnostics: when the tick behind the order entered its symbol actor (0: none; node-local).</param>
public sealed record SubmitOrder(AccountId Account, OrderId OrderId, BrokerOrder Order, long TickArrivedAt = 0);

/// <summary>Account → gateway: cancel (BrokerOrderId null while the broker has not acknowledged the order yet).</summary>
public sealed record CancelBrokerOrder(AccountId Account, OrderId OrderId, string? BrokerOrderId);

/// <summary>Account → gateway: modify a working order.</summary>
public sealed record ModifyBrokerOrder(AccountId Account, OrderId OrderId, string? BrokerOrderId, OrderModification Modification);

/// <summary>Account → gateway: the account's working orders (and what was sent for them), to reconcile with the broker.</summary>
public sealed record ReconcileAccount(AccountId Account, IReadOnlyList<LocalOrderView> Orders, IReadOnlyList<BrokerOrder> Originals)
{
    /// <summary>Every broker order id the account knows at this gateway, finished orders included: none of them may be attributed to another order.</summary>
    public IReadOnlyCollection<string> Claimed { get; init; } = [];
}

/// <summary>Timer → gateway: stop waiting for accounts' claims after a restart and reconcile with what has arrived.</summary>
public sealed record ClaimsTimedOut
{
    public static ClaimsTimedOut Instance { get; } = new();
}

/// <summary>Gateway → account (on gateway start): the broker has working orders of this account; send <see cref="ReconcileAccount"/>.</summary>
public sealed record ReconcileRequested(string GatewayId);

/// <summary>Gateway → account: what happened to one of its orders at the broker.</summary>
public sealed record GatewayReport(OrderId OrderId, string GatewayId)
{
    /// <summary>The broker acknowledged the order under this id.</summary>
    public string? BrokerOrderId { get; init; }

    /// <summary>A status change or fill.</summary>
    public ExecutionReport? Execution { get; init; }

    /// <summary>The command failed for good (rejected, RATE_LIMIT queue overflow, circuit open, retries exhausted).</summary>
    public string? FailureCode { get; init; }

    public string? FailureMessage { get; init; }

    /// <summary>Which command failed (a failed cancel or modify leaves the order working).</summary>
    public GatewayCommandKind Kind { get; init; } = GatewayCommandKind.New;
}

/// <summary>Timer → gateway: try to send the next queued command.</summary>
public sealed record PumpGateway
{
    public static PumpGateway Instance { get; } = new();
}

/// <summary>Report pump → gateway: the broker has execution reports to drain.</summary>
public sealed record DrainReports
{
    public static DrainReports Instance { get; } = new();
}

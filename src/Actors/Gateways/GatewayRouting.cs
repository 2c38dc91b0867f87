using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// The client order id the broker sees is "account~orderId": unique per broker connection, idempotent on resubmission
/// (the same order always gets the same id), and it names the owning account, so execution reports route back without
/// any table (also after a gateway restart).
/// </summary>
public static class GatewayRouting
{
    public const char Separator = '.';
    public const int MaxAccountIdLength = 40;

    public static ClientOrderId BrokerClientId(AccountId account, OrderId orderId) => new(account.Value + Separator + orderId.Value);

    public static bool TryParse(ClientOrderId brokerClientId, out AccountId account, out OrderId orderId)
    {
        account = default;
        orderId = default;
        var v = brokerClientId.Value;
        var cut = v?.LastIndexOf(Separator) ?? -1;
        if (cut <= 0 || cut == v!.Length - 1) return false;
        return AccountId.TryParse(v[..cut], out account) && OrderId.TryParse(v[(cut + 1)..], out orderId);
    }
}

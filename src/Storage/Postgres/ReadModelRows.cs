using System.Globalization;
using ActorTrading.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using static ActorTrading.Actors.Model.ProtoDecimal;

namespace ActorTrading.Storage.Postgres;

/// <summary>Maps read-model rows to the API messages; each returns the row and its page key.</summary>
internal static class ReadModelRows
{
    public static (Order, string) ReadOrder(NpgsqlDataReader r) => (new Order
    {
        OrderId = r.GetString(0), ClientOrderId = r.GetString(1), AccountId = r.GetString(2), Symbol = r.GetString(3),
        Side = (Side)r.GetInt16(4), Type = (OrderType)r.GetInt16(5), Quantity = ToProtoRounded(r.GetDecimal(6)),
        FilledQuantity = ToProtoRounded(r.GetDecimal(7)), LimitPrice = Dec(r, 8), StopPrice = Dec(r, 9), AverageFillPrice = Dec(r, 10),
        Status = (OrderStatus)r.GetInt16(11), Product = (Product)r.GetInt16(12), TimeInForce = (TimeInForce)r.GetInt16(13),
        Strategy = r.GetString(14), Created = Ts(r, 15), Updated = Ts(r, 16),
    }, Key(r.GetInt64(17)));

    public static (Trade, string) ReadTrade(NpgsqlDataReader r) => (new Trade
    {
        TradeId = r.GetString(0), OrderId = r.GetString(1), Symbol = r.GetString(2), Side = (Side)r.GetInt16(3),
        Quantity = ToProtoRounded(r.GetDecimal(4)), Price = ToProtoRounded(r.GetDecimal(5)), Fees = ToProtoRounded(r.GetDecimal(6)), Time = Ts(r, 7),
    }, Key(r.GetInt64(8)));

    public static (Position, string) ReadPosition(NpgsqlDataReader r) => (new Position
    {
        Symbol = r.GetString(0), Product = (Product)r.GetInt16(1), Quantity = ToProtoRounded(r.GetDecimal(2)),
        AveragePrice = ToProtoRounded(r.GetDecimal(3)), LastPrice = ToProtoRounded(r.GetDecimal(4)), RealizedPnl = ToProtoRounded(r.GetDecimal(5)),
        UnrealizedPnl = ToProtoRounded(0),
    }, "");

    public static (AuditEvent, string) ReadAudit(NpgsqlDataReader r) => (new AuditEvent
    {
        Time = Ts(r, 0), Principal = r.GetString(1), Action = r.GetString(2), AccountId = r.GetString(3), Outcome = r.GetString(4), Detail = r.GetString(5),
    }, Key(r.GetInt64(6)));

    public static (Account, string) ReadAccount(NpgsqlDataReader r)
    {
        var cash = ToProtoRounded(r.GetDecimal(2));
        var a = new Account
        {
            AccountId = r.GetString(0), DisplayName = r.GetString(1), Cash = cash, Equity = cash.Clone(), State = (TradingState)r.GetInt16(3),
            Limits = r.IsDBNull(4) ? new RiskLimits() : RiskLimits.Parser.ParseFrom(r.GetFieldValue<byte[]>(4)),
        };
        return (a, a.AccountId);
    }

    public static (Bar, string) ReadBar(NpgsqlDataReader r) => (new Bar
    {
        Symbol = r.GetString(0), Start = Ts(r, 1), Open = ToProtoRounded(r.GetDecimal(2)), High = ToProtoRounded(r.GetDecimal(3)),
        Low = ToProtoRounded(r.GetDecimal(4)), Close = ToProtoRounded(r.GetDecimal(5)), Volume = r.GetInt64(6),
    }, "");

    private static Api.V1.Decimal? Dec(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : ToProtoRounded(r.GetDecimal(i));

    private static Timestamp Ts(NpgsqlDataReader r, int i) => Timestamp.FromDateTime(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static string Key(long v) => v.ToString(CultureInfo.InvariantCulture);
}

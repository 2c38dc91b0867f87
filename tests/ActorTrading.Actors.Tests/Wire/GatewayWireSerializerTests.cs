using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime.Remote;

namespace ActorTrading.Actors.Tests.Wire;

public sealed class GatewayWireSerializerTests
{
    private static readonly SerializerRegistry Registry = new SerializerRegistry().Add(GatewayWireSerializer.Instance);

    private static T RoundTrip<T>(T message) where T : notnull
    {
        var (name, payload) = Registry.Serialize(message);
        return Assert.IsType<T>(Registry.Deserialize(name, payload));
    }

    public static ExecutionReport Fill() => new(
        new ClientOrderId("c-1"), "B-77", OrderStatus.PartiallyFilled, 3m, 101.2500m, 5m, 100.123456789m, 0.0001m,
        new DateTimeOffset(2026, 11, 21, 9, 15, 0, TimeSpan.FromMinutes(330)).AddTicks(1234567), "partial", "T-9");

    [Fact]
    public void Serialize_GatewayReportWithFill_RoundTripsExactly()
    {
        var report = new GatewayReport(new OrderId("o-1"), "paper") { Execution = Fill(), BrokerOrderId = "B-77" };

        var back = RoundTrip(report);

        Assert.Equal(report, back);
        Assert.Equal("100.123456789", back.Execution!.AveragePrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromMinutes(330), back.Execution.Time.Offset);
    }

    [Fact]
    public void Serialize_GatewayReportFailureOfACancel_RoundTripsWithNullsKept()
    {
        var report = new GatewayReport(new OrderId("o-2"), "paper") { FailureCode = "REJECTED", FailureMessage = "too late", Kind = GatewayCommandKind.Cancel };

        var back = RoundTrip(report);

        Assert.Equal(report, back);
        Assert.Null(back.BrokerOrderId);
        Assert.Null(back.Execution);
    }

    [Fact]
    public void Serialize_ExecutionWithoutTradeId_KeepsTradeIdNull()
    {
        var report = new GatewayReport(new OrderId("o-3"), "paper") { Execution = Fill() with { TradeId = null, Message = "" } };

        Assert.Equal(report, RoundTrip(report));
    }

    [Fact]
    public void Serialize_ReconcileRequested_RoundTrips()
    {
        Assert.Equal(new ReconcileRequested("openalgo"), RoundTrip(new ReconcileRequested("openalgo")));
    }

    [Fact]
    public void Deserialize_ReportWithInvalidOrderId_ThrowsRemoteSerializationException()
    {
        var (name, payload) = Registry.Serialize(new GatewayReport(new OrderId("o-4"), "paper"));
        var wire = GatewayReportWire.Parser.ParseFrom(payload);
        wire.OrderId = "";

        Assert.Throws<RemoteSerializationException>(() => Registry.Deserialize(name, Google.Protobuf.MessageExtensions.ToByteString(wire)));
    }

    [Fact]
    public void Serialize_MessageOfAnotherType_IsNotHandled()
    {
        Assert.False(GatewayWireSerializer.Instance.TrySerialize(new SubmitOrder(new AccountId("a-1"), new OrderId("o-5"), null!), out _, out _));
        Assert.False(GatewayWireSerializer.Instance.TryDeserialize("actortrading.cluster.v1.Unknown", Google.Protobuf.ByteString.Empty, out _));
    }
}

using System.Globalization;
using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime.Remote;
using Google.Protobuf;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// The wire form of the messages a node-local gateway sends by identity to an account, which may be owned by another
/// node: <see cref="GatewayReport"/> (with its <see cref="ExecutionReport"/>) and <see cref="ReconcileRequested"/>, as the
/// protobuf messages of <c>cluster/v1/gateway_protocol.proto</c>. Register it with the node's serializers:
/// <code>new SerializerRegistry(...).Add(GatewayWireSerializer.Instance);</code>
/// Account → gateway messages need none: the gateway kind is node-local, so they never leave the node.
/// </summary>
public sealed class GatewayWireSerializer : ISerializer
{
    public static GatewayWireSerializer Instance { get; } = new();

    public bool TrySerialize(object message, out string typeName, out ByteString payload)
    {
        IMessage? wire = message switch
        {
            GatewayReport r => ToWire(r),
            ReconcileRequested r => new ReconcileRequestedWire { GatewayId = r.GatewayId },
            _ => null,
        };
        typeName = wire?.Descriptor.FullName ?? "";
        payload = wire?.ToByteString() ?? ByteString.Empty;
        return wire is not null;
    }

    public bool TryDeserialize(string typeName, ByteString payload, out object? message)
    {
        message = null;
        try
        {
            if (typeName == GatewayReportWire.Descriptor.FullName) message = FromWire(GatewayReportWire.Parser.ParseFrom(payload));
            else if (typeName == ReconcileRequestedWire.Descriptor.FullName) message = new ReconcileRequested(ReconcileRequestedWire.Parser.ParseFrom(payload).GatewayId);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw new RemoteSerializationException($"malformed {typeName}: {e.Message}");
        }
        return message is not null;
    }

    public static GatewayReportWire ToWire(GatewayReport r)
    {
        var wire = new GatewayReportWire { OrderId = r.OrderId.Value, GatewayId = r.GatewayId, Kind = (GatewayCommandKindWire)(int)r.Kind };
        if (r.BrokerOrderId is { } broker) wire.BrokerOrderId = broker;
        if (r.FailureCode is { } code) wire.FailureCode = code;
        if (r.FailureMessage is { } text) wire.FailureMessage = text;
        if (r.Execution is { } e) wire.Execution = ToWire(e);
        return wire;
    }

    public static GatewayReport FromWire(GatewayReportWire w) => new(OrderId.Parse(w.OrderId), w.GatewayId)
    {
        BrokerOrderId = w.HasBrokerOrderId ? w.BrokerOrderId : null,
        FailureCode = w.HasFailureCode ? w.FailureCode : null,
        FailureMessage = w.HasFailureMessage ? w.FailureMessage : null,
        Execution = w.Execution is { } e ? FromWire(e) : null,
        Kind = Enum.IsDefined((GatewayCommandKind)(int)w.Kind) ? (GatewayCommandKind)(int)w.Kind
            : throw new FormatException($"unknown gateway command kind {(int)w.Kind}"),
    };

    public static ExecutionReportWire ToWire(ExecutionReport e)
    {
        var wire = new ExecutionReportWire
        {
            ClientOrderId = e.ClientOrderId.Value, BrokerOrderId = e.BrokerOrderId, Status = e.Status,
            LastQuantity = Text(e.LastQuantity), LastPrice = Text(e.LastPrice), FilledQuantity = Text(e.FilledQuantity),
            AveragePrice = Text(e.AveragePrice), Fees = Text(e.Fees),
            TimeUtcTicks = e.Time.UtcTicks, TimeOffsetMinutes = (int)e.Time.Offset.TotalMinutes, Message = e.Message,
        };
        if (e.TradeId is { } trade) wire.TradeId = trade;
        return wire;
    }

    public static ExecutionReport FromWire(ExecutionReportWire w) => new(
        ClientOrderId.Parse(w.ClientOrderId), w.BrokerOrderId, w.Status,
        Number(w.LastQuantity), Number(w.LastPrice), Number(w.FilledQuantity), Number(w.AveragePrice), Number(w.Fees),
        new DateTimeOffset(w.TimeUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(w.TimeOffsetMinutes)), w.Message,
        w.HasTradeId ? w.TradeId : null);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}

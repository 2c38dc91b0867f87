using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>One row of the OpenAlgo trade book.</summary>
public sealed record OpenAlgoTrade(string BrokerOrderId, SymbolId Symbol, Side Side, Product Product, decimal Quantity, decimal AveragePrice,
    decimal TradeValue, string Timestamp);

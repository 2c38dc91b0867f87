using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Metrics;
using ActorTrading.Host.Streaming;
using ActorTrading.Runtime.Cluster;
using static ActorTrading.Host.Api.RequestRules;

namespace ActorTrading.Host.Api;

/// <summary>
/// <c>actortrading.v1.MarketData</c>: ticks stream from the symbol actors (kind <c>symbol</c>, id EXCHANGE:SYMBOL);
/// quotes and recent 1-minute bars from the symbol actor (then the quote cache / stored bars); published ticks go to the symbol actors.
/// </summary>
public sealed class MarketDataApi(ActorHost actors, ActorRouter router, StreamPump streams, NodeStorage storage, NodeMetrics metrics)
{
    public const int MaxSymbolsPerSubscription = 100;
    private static readonly TimeSpan MaxBarRange = TimeSpan.FromDays(31);

    /// <summary>
    /// Ticks of the symbols. conflate=true keeps only the latest tick per symbol for a slow reader; otherwise the newest
    /// <c>Node:StreamBufferSize</c> ticks are kept and older ones dropped (counted in actortrading_stream_dropped_total).
    /// </summary>
    public Task Subscribe(SubscribeRequest request, IServerStreamWriter<Tick> responseStream, ServerCallContext context)
    {
        Check(request.Symbols.Count > 0, "symbols: at least one symbol is required");
        Check(request.Symbols.Count <= MaxSymbolsPerSubscription, $"symbols: at most {MaxSymbolsPerSubscription} per subscription (got {request.Symbols.Count})");
        var symbols = request.Symbols.Select((s, i) => Symbol(s, $"symbols[{i}]").Value).Distinct(StringComparer.Ordinal).ToList();
        var wanted = symbols.ToHashSet(StringComparer.Ordinal);
        IStreamBuffer<Tick> buffer = request.Conflate
            ? new ConflatingBuffer<Tick>(t => t.Symbol, () => metrics.StreamDropped("ticks"))
            : new DroppingBuffer<Tick>(streams.BufferSize, () => metrics.StreamDropped("ticks"));
        return streams.RunAsync([.. symbols.Select(s => new ClusterIdentity(ActorRouter.SymbolKind, s))], new SubscribeTicks(), new UnsubscribeTicks(),
            buffer, m => ToTick(m, wanted), responseStream, context, _ => metrics.TicksSeen(1, "stream"));
    }

    /// <summary>The symbol actor's last tick; when it has seen none (e.g. another node runs the feed), the shared quote cache.</summary>
    public async Task<Tick> GetQuote(GetQuoteRequest request, ServerCallContext context)
    {
        Symbol(request.Symbol);
        try
        {
            return await router.AskAsync<Tick>(new ClusterIdentity(ActorRouter.SymbolKind, request.Symbol), request, context.CancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return await storage.Quotes.GetAsync(request.Symbol, context.CancellationToken).ConfigureAwait(false)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"no quote for {request.Symbol} yet"));
        }
    }

    public async Task<GetBarsResponse> GetBars(GetBarsRequest request, ServerCallContext context)
    {
        Symbol(request.Symbol);
        Check(request.From is not null, "from: is required");
        Check(request.To is not null, "to: is required");
        var from = request.From!.ToDateTimeOffset();
        var to = request.To!.ToDateTimeOffset();
        Check(from < to, $"to: must be after from ({from:O} .. {to:O})");
        Check(to - from <= MaxBarRange, $"to: at most {MaxBarRange.TotalDays} days of bars per call");
        var recent = await router.AskAsync<GetBarsResponse>(new ClusterIdentity(ActorRouter.SymbolKind, request.Symbol), request, context.CancellationToken)
            .ConfigureAwait(false);
        if (recent.Bars.Count > 0) return recent;
        var stored = await storage.ReadModels.GetBarsAsync(request.Symbol, from, to, context.CancellationToken).ConfigureAwait(false);
        var response = new GetBarsResponse();
        response.Bars.AddRange(stored);
        return response;
    }

    /// <summary>Validates each tick (a bad one is counted as rejected, the stream goes on) and hands it to its symbol actor.</summary>
    public async Task<PublishTicksResponse> PublishTicks(IAsyncStreamReader<Tick> requestStream, ServerCallContext context)
    {
        if (!actors.Kinds.Contains(ActorRouter.SymbolKind))
            throw new RpcException(new Status(StatusCode.Unavailable, "this node hosts no 'symbol' actors: the trading core is not part of this build"));
        var response = new PublishTicksResponse();
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var tick = requestStream.Current;
            if (ApiConversions.TryFromProto(tick, out _) is not null || !InstrumentCatalog.Default.Contains(SymbolId.Parse(tick.Symbol)))
            {
                response.Rejected++;
                continue;
            }
            actors.Cluster.Send(new ClusterIdentity(ActorRouter.SymbolKind, tick.Symbol), tick);
            await storage.Quotes.SetAsync(tick, context.CancellationToken).ConfigureAwait(false);
            response.Accepted++;
        }
        metrics.TicksSeen(response.Accepted, "published");
        context.SetAuditDetail($"accepted={response.Accepted} rejected={response.Rejected}");
        return response;
    }

    public Task<ListSymbolsResponse> ListSymbols(ListSymbolsRequest request, ServerCallContext context)
    {
        var response = new ListSymbolsResponse();
        response.Symbols.AddRange(InstrumentCatalog.Default.All.Select(s => s.ToProto()));
        return Task.FromResult(response);
    }

    private static Tick? ToTick(object message, HashSet<string> wanted) => message switch
    {
        Tick t when wanted.Contains(t.Symbol) => t,
        MarketTick m when wanted.Contains(m.Symbol.Value) => m.ToProto(),
        _ => null,
    };
}

using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// The paper exchange's active orders summed per symbol, product and side, kept up to date as orders are placed, fill,
/// change quantity or end, so a funds check costs one lookup per group instead of a scan of every working order (a
/// backlog of market orders waiting for tick volume made each new order O(backlog)). Not thread-safe: the broker's lock.
/// </summary>
internal sealed class PaperExposure
{
    private readonly Dictionary<(SymbolId Symbol, Product Product, Side Side), Group> _groups = new();

    /// <summary>One symbol/product/side: how many orders, their remaining quantity, and how it splits by reference price.</summary>
    public sealed class Group
    {
        public int Orders { get; set; }
        public decimal Remaining { get; set; }
        /// <summary>Remaining quantity of orders without a limit or stop price (priced at the touch when needed).</summary>
        public decimal UnpricedRemaining { get; set; }
        /// <summary>Σ remaining × the order's own limit (else stop) price.</summary>
        public decimal PricedNotional { get; set; }
    }

    public IEnumerable<KeyValuePair<(SymbolId Symbol, Product Product, Side Side), Group>> Groups => _groups;

    /// <summary>Counts an order that became active, or one whose remaining quantity is about to be counted again.</summary>
    public void Add(PaperOrder o) => Change(o, 1);

    /// <summary>Uncounts an order that ends, or one whose remaining quantity is about to change.</summary>
    public void Remove(PaperOrder o) => Change(o, -1);

    /// <summary>The remaining quantity of active orders on this symbol, product and side.</summary>
    public decimal Pending(SymbolId symbol, Product product, Side side) =>
        _groups.TryGetValue((symbol, product, side), out var g) ? g.Remaining : 0;

    private void Change(PaperOrder o, int sign)
    {
        var key = (o.Order.Symbol, o.Order.Product, o.Order.Side);
        if (!_groups.TryGetValue(key, out var g)) _groups[key] = g = new Group();
        g.Orders += sign;
        if (g.Orders == 0)
        {
            _groups.Remove(key);
            return;
        }
        var remaining = sign * o.Remaining;
        g.Remaining += remaining;
        if ((o.Order.LimitPrice ?? o.Order.StopPrice) is { } price) g.PricedNotional += remaining * price;
        else g.UnpricedRemaining += remaining;
    }
}

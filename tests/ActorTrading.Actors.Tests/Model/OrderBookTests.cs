using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Model;

public class OrderBookTests
{
    private static readonly DateTimeOffset T = TestData.MarketOpen;

    [Fact]
    public void Accept_SameClientOrderIdTwice_ReturnsSameOrder()
    {
        var book = new OrderBook(TestData.Account);
        var first = book.Accept(TestData.Buy(TestData.Tcs, 5, clientId: "dup"), T);
        var second = book.Accept(TestData.Buy(TestData.Tcs, 7, clientId: "dup"), T.AddSeconds(1));
        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Same(first.Order, second.Order);
        Assert.Equal(1, book.Count);
    }

    [Fact]
    public void Deny_ThenResubmitSameClientId_ReturnsTheDenial()
    {
        var book = new OrderBook(TestData.Account);
        var denied = book.Deny(TestData.Buy(TestData.Tcs, 5, clientId: "d"), DenialReason.MaxTradesPerDay, "max", T);
        var again = book.Accept(TestData.Buy(TestData.Tcs, 5, clientId: "d"), T);
        Assert.True(again.IsDuplicate);
        Assert.Equal(OrderStatus.Denied, again.Order.Status);
        Assert.Equal(denied.Order.OrderId, again.Order.OrderId);
    }

    [Fact]
    public void Accept_AssignsSequentialOrderIds_ContinuingFromRestoredSequence()
    {
        var book = new OrderBook(TestData.Account, lastSequence: 41);
        Assert.Equal("O42", book.Accept(TestData.Buy(TestData.Tcs, 1), T).Order.OrderId.Value);
        Assert.Equal("O43", book.Accept(TestData.Buy(TestData.Tcs, 1), T).Order.OrderId.Value);
    }

    [Fact]
    public void Fill_UpdatesStoredOrder_AndOpenOrdersExcludesFilled()
    {
        var book = new OrderBook(TestData.Account);
        var a = book.Accept(TestData.Buy(TestData.Tcs, 5), T).Order;
        var b = book.Accept(TestData.Buy(TestData.Infy, 5), T).Order;
        Assert.True(book.Fill(a.OrderId, 5, 4000m, T).Succeeded);
        Assert.True(book.TryGet(a.OrderId, out var stored));
        Assert.Equal(OrderStatus.Filled, stored.Status);
        Assert.Equal([b.OrderId], book.OpenOrders().Select(o => o.OrderId));
    }

    [Fact]
    public void Operations_UnknownOrder_AreRefused()
    {
        var book = new OrderBook(TestData.Account);
        var t = book.RequestCancel(new OrderId("O77"), T);
        Assert.False(t.Succeeded);
        Assert.Contains("unknown order O77", t.Error);
    }

    [Fact]
    public void CancelRace_CancelRequestedThenFilled_CancelConfirmRefused()
    {
        var book = new OrderBook(TestData.Account);
        var id = book.Accept(TestData.Buy(TestData.Tcs, 5), T).Order.OrderId;
        Assert.True(book.RequestCancel(id, T).Succeeded);
        Assert.True(book.Fill(id, 5, 4000m, T).Succeeded);
        Assert.False(book.ConfirmCancel(id, T).Succeeded);
        Assert.False(book.Modify(id, 10, null, null, T).Succeeded);
    }

    [Fact]
    public void Accept_OtherAccount_Throws()
    {
        var book = new OrderBook(new AccountId("other"));
        Assert.Throws<ArgumentException>(() => book.Accept(TestData.Buy(TestData.Tcs, 1), T));
    }
}

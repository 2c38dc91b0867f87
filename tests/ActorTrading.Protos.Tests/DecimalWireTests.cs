using ActorTrading.Api.V1;
using Google.Protobuf;

namespace ActorTrading.Protos.Tests;

public sealed class DecimalWireTests
{
    [Fact]
    public void Decimal_NegativeValue_RoundTripsUnitsAndNanosWithSameSign()
    {
        var value = new Api.V1.Decimal { Units = -12, Nanos = -500_000_000 };
        var parsed = Api.V1.Decimal.Parser.ParseFrom(value.ToByteArray());
        Assert.Equal(-12, parsed.Units);
        Assert.Equal(-500_000_000, parsed.Nanos);
    }
}

using ActorTrading.Actors.Model;
using ProtoDec = ActorTrading.Api.V1.Decimal;

namespace ActorTrading.Actors.Tests.Model;

public class ProtoDecimalTests
{
    [Theory]
    [InlineData("0", 0L, 0)]
    [InlineData("1.5", 1L, 500_000_000)]
    [InlineData("-1.5", -1L, -500_000_000)]
    [InlineData("-0.05", 0L, -50_000_000)]
    [InlineData("2900.05", 2900L, 50_000_000)]
    [InlineData("0.000000001", 0L, 1)]
    [InlineData("9223372036854775807.999999999", long.MaxValue, 999_999_999)]
    public void ToProto_ExactValue_SplitsUnitsAndNanosWithSameSign(string text, long units, int nanos)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var p = ProtoDecimal.ToProto(value);
        Assert.Equal(units, p.Units);
        Assert.Equal(nanos, p.Nanos);
        Assert.Equal(value, ProtoDecimal.FromProto(p));
    }

    [Fact]
    public void ToProto_TooManyFractionalDigits_ThrowsNamingTheValue()
    {
        var e = Assert.Throws<OverflowException>(() => ProtoDecimal.ToProto(0.0000000001m));
        Assert.Contains("9 fractional digits", e.Message);
    }

    [Fact]
    public void ToProto_UnitsBeyondInt64_ThrowsClearOverflow()
    {
        var e = Assert.Throws<OverflowException>(() => ProtoDecimal.ToProto(decimal.MaxValue));
        Assert.Contains("int64", e.Message);
    }

    [Fact]
    public void FromProto_MixedSigns_IsRefused()
    {
        var error = ProtoDecimal.TryFromProto(new ProtoDec { Units = 1, Nanos = -5 }, out _);
        Assert.Contains("same sign", error);
    }

    [Fact]
    public void FromProto_NanosOutOfRange_IsRefused() =>
        Assert.Throws<FormatException>(() => ProtoDecimal.FromProto(new ProtoDec { Units = 0, Nanos = 1_000_000_000 }));

    [Fact]
    public void FromProto_Null_IsZero() => Assert.Equal(0m, ProtoDecimal.FromProto(null));
}

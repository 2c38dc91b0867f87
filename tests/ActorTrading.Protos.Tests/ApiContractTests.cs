using ActorTrading.Api.V1;
using Google.Protobuf.Reflection;

namespace ActorTrading.Protos.Tests;

/// <summary>
/// Our compiled actortrading.v1 descriptors carry every service, RPC, message, field and enum
/// value of API.md with the same names and numbers (we may add; we may not rename or renumber).
/// </summary>
public sealed class ApiContractTests
{
    private static readonly FileDescriptor[] Files =
    [
        CommonReflection.Descriptor, AccountsReflection.Descriptor, OrdersReflection.Descriptor,
        PortfolioReflection.Descriptor, MarketDataReflection.Descriptor, StrategiesReflection.Descriptor,
        ClusterReflection.Descriptor,
    ];

    private static readonly ApiContract Contract = ApiContract.Load();

    private static MessageDescriptor Message(string name) =>
        Files.SelectMany(f => f.MessageTypes).SingleOrDefault(m => m.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"message {name} of API.md is missing from src/Protos");

    [Fact]
    public void Parse_ApiMd_FindsEveryServiceAndMessage()
    {
        Assert.Equal(6, Contract.Rpcs.Select(r => r.Service).Distinct().Count());
        Assert.True(Contract.Messages.Count >= 60, $"only {Contract.Messages.Count} messages parsed");
        Assert.Equal(8, Contract.Enums.Count);
    }

    [Fact]
    public void Messages_MatchApiMd_FieldByField()
    {
        foreach (var (name, fields) in Contract.Messages)
        {
            var descriptor = Message(name);
            Assert.Equal("actortrading.v1", descriptor.File.Package);
            foreach (var expected in fields)
            {
                var actual = descriptor.FindFieldByNumber(expected.Number);
                Assert.True(actual is not null, $"{name}.{expected.Name} = {expected.Number} is missing");
                Assert.Equal($"{name}.{expected.Name}", $"{name}.{actual!.Name}");
                Assert.Equal(expected.Type, TypeName(actual));
                Assert.Equal(expected.Repeated, actual.IsRepeated && !actual.IsMap);
                if (expected.MapKey is not null)
                {
                    Assert.Equal(expected.MapKey, TypeName(actual.MessageType.FindFieldByNumber(1)));
                    Assert.Equal(expected.MapValue, TypeName(actual.MessageType.FindFieldByNumber(2)));
                }
            }
        }
    }

    [Fact]
    public void Enums_MatchApiMd_ValueByValue()
    {
        var enums = Files.SelectMany(f => f.EnumTypes).ToDictionary(e => e.Name);
        foreach (var (name, values) in Contract.Enums)
        {
            Assert.True(enums.TryGetValue(name, out var descriptor), $"enum {name} is missing");
            foreach (var (valueName, number) in values)
                Assert.Equal(number, descriptor!.FindValueByName(valueName)?.Number ?? -1);
            Assert.Equal(0, descriptor!.Values[0].Number);
        }
    }

    [Fact]
    public void Services_MatchApiMd_RpcByRpc()
    {
        var services = Files.SelectMany(f => f.Services).ToDictionary(s => s.Name);
        foreach (var rpc in Contract.Rpcs)
        {
            Assert.True(services.TryGetValue(rpc.Service, out var service), $"service {rpc.Service} is missing");
            var method = service!.FindMethodByName(rpc.Name);
            Assert.True(method is not null, $"{rpc.Service}.{rpc.Name} is missing");
            Assert.Equal(rpc.Input, method!.InputType.Name);
            Assert.Equal(rpc.Output, method.OutputType.Name);
            Assert.Equal(rpc.ClientStreaming, method.IsClientStreaming);
            Assert.Equal(rpc.ServerStreaming, method.IsServerStreaming);
        }
    }

    private static string TypeName(FieldDescriptor f) => f.FieldType switch
    {
        FieldType.Message when f.IsMap => "map",
        FieldType.Message when f.MessageType.File.Package == "google.protobuf" => f.MessageType.FullName,
        FieldType.Message => f.MessageType.Name,
        FieldType.Enum => f.EnumType.Name,
        _ => f.FieldType.ToString().ToLowerInvariant(),
    };
}

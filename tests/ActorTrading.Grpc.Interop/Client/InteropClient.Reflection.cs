using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>
/// Server reflection, v1 and v1alpha, on one stream as tools use it: list services, files by symbol and by name, and
/// an unknown symbol (an error_response, not the end of the stream). Both versions share one wire format, so the
/// v1alpha call converts its messages to and from the v1 types and the checks are written once.
/// </summary>
internal sealed partial class InteropClient
{
    private static readonly string[] ExpectedServices =
        ["grpc.testing.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];

    private static readonly Method<V1.ServerReflectionRequest, V1.ServerReflectionResponse> ReflectionV1Method =
        Method.Create<V1.ServerReflectionRequest, V1.ServerReflectionResponse>(V1.ReflectionReflection.Descriptor.Services[0], "ServerReflectionInfo");

    private static readonly Method<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse> ReflectionV1AlphaMethod =
        Method.Create<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse>(V1Alpha.ReflectionReflection.Descriptor.Services[0], "ServerReflectionInfo");

    public async Task ReflectionV1()
    {
        using var call = Client.DuplexStreaming(ReflectionV1Method, Guarded());
        await CheckReflectionAsync(call.RequestStream, call.ResponseStream, r => r, r => r).ConfigureAwait(false);
    }

    public async Task ReflectionV1Alpha()
    {
        using var call = Client.DuplexStreaming(ReflectionV1AlphaMethod, Guarded());
        await CheckReflectionAsync(call.RequestStream, call.ResponseStream,
            r => V1Alpha.ServerReflectionRequest.Parser.ParseFrom(r.ToByteString()),
            r => V1.ServerReflectionResponse.Parser.ParseFrom(r.ToByteString())).ConfigureAwait(false);
    }

    private static async Task CheckReflectionAsync<TRequest, TResponse>(
        IClientStreamWriter<TRequest> requests, IAsyncStreamReader<TResponse> responses,
        Func<V1.ServerReflectionRequest, TRequest> toWire, Func<TResponse, V1.ServerReflectionResponse> fromWire)
    {
        async Task<V1.ServerReflectionResponse> AskAsync(V1.ServerReflectionRequest request)
        {
            await requests.WriteAsync(toWire(request)).ConfigureAwait(false);
            Check.That(await responses.MoveNext(CancellationToken.None).ConfigureAwait(false), "reflection stream ended early");
            return fromWire(responses.Current);
        }

        var listed = await AskAsync(new V1.ServerReflectionRequest { ListServices = "*" }).ConfigureAwait(false);
        Check.Equal(V1.ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, listed.MessageResponseCase, "list_services answer");
        var names = listed.ListServicesResponse.Service.Select(s => s.Name).ToHashSet();
        var missing = ExpectedServices.Where(s => !names.Contains(s)).ToArray();
        Check.That(missing.Length == 0, $"list_services misses {string.Join(", ", missing)} (got {string.Join(", ", names)})");
        Check.That(!names.Contains("grpc.testing.UnimplementedService"), "list_services lists a service that is not served");

        var testProto = Files(await AskAsync(new V1.ServerReflectionRequest { FileContainingSymbol = "grpc.testing.TestService" }).ConfigureAwait(false));
        Check.That(testProto.TryGetValue("grpc/testing/test.proto", out var test) &&
                   test.Service.Any(s => s.Name == "TestService" && s.Method.Any(m => m.Name == "UnaryCall")),
                   $"file_containing_symbol TestService: got {string.Join(", ", testProto.Keys)}");
        var messages = Files(await AskAsync(new V1.ServerReflectionRequest { FileContainingSymbol = "grpc.testing.SimpleRequest" }).ConfigureAwait(false));
        Check.That(messages.ContainsKey("grpc/testing/messages.proto"), $"file_containing_symbol SimpleRequest: got {string.Join(", ", messages.Keys)}");
        var empty = Files(await AskAsync(new V1.ServerReflectionRequest { FileByFilename = "grpc/testing/empty.proto" }).ConfigureAwait(false));
        Check.That(empty.ContainsKey("grpc/testing/empty.proto"), $"file_by_filename empty.proto: got {string.Join(", ", empty.Keys)}");

        var unknown = await AskAsync(new V1.ServerReflectionRequest { FileContainingSymbol = "grpc.testing.NoSuchSymbol" }).ConfigureAwait(false);
        Check.Equal(V1.ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, unknown.MessageResponseCase, "unknown symbol answer");
        Check.Equal((int)StatusCode.NotFound, unknown.ErrorResponse.ErrorCode, "unknown symbol error_code");

        await requests.CompleteAsync().ConfigureAwait(false);
        Check.That(!await responses.MoveNext(CancellationToken.None).ConfigureAwait(false), "unexpected extra reflection response");
    }

    private static Dictionary<string, FileDescriptorProto> Files(V1.ServerReflectionResponse response)
    {
        Check.Equal(V1.ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase,
            $"file descriptor answer ({response.ErrorResponse?.ErrorMessage})");
        return response.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes))
            .ToDictionary(f => f.Name);
    }
}

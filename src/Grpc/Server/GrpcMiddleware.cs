using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace ActorTrading.Grpc;

/// <summary>
/// Dispatches gRPC and gRPC-Web requests by path through a frozen dictionary; lets every other request through.
/// Unknown method with a gRPC content type: UNIMPLEMENTED. Known method with another content type: HTTP 415.
/// </summary>
internal sealed class GrpcMiddleware(RequestDelegate next, FrozenDictionary<string, ServerMethod> methods, ServerRuntime runtime)
{
    public Task InvokeAsync(HttpContext http)
    {
        var mode = Classify(http.Request.ContentType, runtime.EnableGrpcWeb);
        var path = http.Request.Path.Value ?? "";
        if (mode == GrpcWireMode.NotGrpc)
        {
            return methods.ContainsKey(path) ? UnsupportedMediaType(http) : next(http);
        }

        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }

        if (mode == GrpcWireMode.Grpc && !http.Request.Protocol.StartsWith("HTTP/2", StringComparison.Ordinal) && !http.Request.Protocol.StartsWith("HTTP/3", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers[GrpcProtocol.StatusHeader] = "13";
            http.Response.Headers[GrpcProtocol.MessageHeader] = "gRPC requires HTTP/2 (or use application/grpc-web over HTTP/1.1).";
            return Task.CompletedTask;
        }

        return methods.TryGetValue(path, out var method)
            ? ServerCallRunner.RunAsync(http, method, runtime, mode)
            : Unimplemented(http, path, mode);
    }

    internal static GrpcWireMode Classify(string? contentType, bool grpcWeb)
    {
        if (GrpcProtocol.IsGrpcContentType(contentType))
        {
            return GrpcWireMode.Grpc;
        }

        if (!grpcWeb || contentType is null || !contentType.StartsWith(GrpcProtocol.GrpcWebContentType, StringComparison.OrdinalIgnoreCase))
        {
            return GrpcWireMode.NotGrpc;
        }

        return contentType.StartsWith(GrpcProtocol.GrpcWebTextContentType, StringComparison.OrdinalIgnoreCase)
            ? GrpcWireMode.GrpcWebText
            : GrpcWireMode.GrpcWeb;
    }

    private Task Unimplemented(HttpContext http, string path, GrpcWireMode mode)
    {
        var slash = path.LastIndexOf('/');
        var service = slash > 1 ? path[1..slash] : path;
        var prefix = "/" + service + "/";
        var known = false;
        foreach (var key in methods.Keys)
        {
            known |= key.StartsWith(prefix, StringComparison.Ordinal);
        }

        var detail = known ? $"Method is unimplemented: {path}" : $"Service is unimplemented: {service}";
        return UnimplementedCall.WriteAsync(http, mode, runtime, new Status(StatusCode.Unimplemented, detail));
    }

    private static Task UnsupportedMediaType(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        http.Response.Headers[GrpcProtocol.StatusHeader] = "13";
        http.Response.Headers[GrpcProtocol.MessageHeader] =
            PercentEncoding.Encode($"Content-Type '{http.Request.ContentType}' is not supported: gRPC needs application/grpc.");
        return Task.CompletedTask;
    }
}

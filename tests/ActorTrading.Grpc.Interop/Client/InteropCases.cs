namespace ActorTrading.Grpc.Interop.Client;

/// <summary>
/// The interop cases by their standard names (grpc/doc/interop-test-descriptions.md), plus max_request_size,
/// max_response_size, health_check, reflection_v1 and reflection_v1alpha -- the same names as the Python and
/// grpc-js clients in tests/python and tests/node.
/// </summary>
public static class InteropCases
{
    private static readonly Dictionary<string, Func<InteropClient, Task>> Cases = new(StringComparer.Ordinal)
    {
        ["empty_unary"] = c => c.EmptyUnary(),
        ["large_unary"] = c => c.LargeUnary(),
        ["client_compressed_unary"] = c => c.ClientCompressedUnary(),
        ["server_compressed_unary"] = c => c.ServerCompressedUnary(),
        ["client_streaming"] = c => c.ClientStreaming(),
        ["client_compressed_streaming"] = c => c.ClientCompressedStreaming(),
        ["server_streaming"] = c => c.ServerStreaming(),
        ["server_compressed_streaming"] = c => c.ServerCompressedStreaming(),
        ["ping_pong"] = c => c.PingPong(),
        ["empty_stream"] = c => c.EmptyStream(),
        ["custom_metadata"] = c => c.CustomMetadata(),
        ["status_code_and_message"] = c => c.StatusCodeAndMessage(),
        ["special_status_message"] = c => c.SpecialStatusMessage(),
        ["unimplemented_method"] = c => c.UnimplementedMethod(),
        ["unimplemented_service"] = c => c.UnimplementedService(),
        ["cancel_after_begin"] = c => c.CancelAfterBegin(),
        ["cancel_after_first_response"] = c => c.CancelAfterFirstResponse(),
        ["timeout_on_sleeping_server"] = c => c.TimeoutOnSleepingServer(),
        ["max_request_size"] = c => c.MaxRequestSize(),
        ["max_response_size"] = c => c.MaxResponseSize(),
        ["health_check"] = c => c.HealthCheck(),
        ["reflection_v1"] = c => c.ReflectionV1(),
        ["reflection_v1alpha"] = c => c.ReflectionV1Alpha()
    };

    public static IReadOnlyList<string> All { get; } = [.. Cases.Keys];

    /// <summary>Runs one case on a fresh client; null when it passed, otherwise why it failed.</summary>
    public static async Task<string?> RunAsync(InteropPeer peer, string name)
    {
        if (!Cases.TryGetValue(name, out var run))
        {
            return $"unknown test case '{name}' (cases: {string.Join(", ", All)})";
        }

        using var client = new InteropClient(peer);
        try
        {
            await run(client).ConfigureAwait(false);
            return null;
        }
        catch (InteropCheckFailed ex)
        {
            return ex.Message;
        }
        catch (RpcException ex)
        {
            return $"rpc failed: {ex.Status}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.ToString();
        }
    }

    /// <summary>Runs the cases in order, printing PASS/FAIL lines; 0 when all passed.</summary>
    public static async Task<int> RunAndPrintAsync(InteropPeer peer, IEnumerable<string> names, TextWriter output)
    {
        var failed = 0;
        foreach (var name in names)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var failure = await RunAsync(peer, name).ConfigureAwait(false);
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            failed += failure is null ? 0 : 1;
            await output.WriteLineAsync(failure is null ? $"PASS {name}: {ms:F0} ms" : $"FAIL {name}: {failure}").ConfigureAwait(false);
        }

        return failed == 0 ? 0 : 1;
    }
}

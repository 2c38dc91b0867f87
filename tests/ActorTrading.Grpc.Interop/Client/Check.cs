namespace ActorTrading.Grpc.Interop.Client;

/// <summary>Assertions for the interop cases (this is a program, not a test project: no xunit here).</summary>
internal static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InteropCheckFailed(what);
        }
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InteropCheckFailed($"{what}: expected {expected}, got {actual}");
        }
    }

    public static void Zeros(global::Grpc.Testing.Payload? payload, int size)
    {
        That(payload is not null, "response has no payload");
        Equal(size, payload!.Body.Length, "payload size");
        That(!payload.Body.Span.ContainsAnyExcept((byte)0), "payload is not all zeros");
    }

    /// <summary>Runs <paramref name="call"/> and expects it to fail with <paramref name="code"/> (and <paramref name="detail"/>, if given).</summary>
    public static async Task<RpcException> StatusAsync(StatusCode code, Func<Task> call, string? detail = null)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            Equal(code, ex.StatusCode, $"status code ({ex.Status.Detail})");
            if (detail is not null)
            {
                Equal(Quote(detail), Quote(ex.Status.Detail), "status detail");
            }

            return ex;
        }

        throw new InteropCheckFailed($"expected status {code}, but the call succeeded");
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}

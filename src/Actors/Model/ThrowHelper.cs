using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Actors.Model;

/// <summary>Throws from out-of-line methods so hot callers stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Argument(string paramName, string message) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void Format(string message) => throw new FormatException(message);

    [DoesNotReturn]
    public static void Overflow(string message) => throw new OverflowException(message);

    [DoesNotReturn]
    public static void InvalidOperation(string message) => throw new InvalidOperationException(message);
}

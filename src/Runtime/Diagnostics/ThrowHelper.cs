using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Runtime.Diagnostics;

/// <summary>Throws out of line so hot methods stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void NameExists(string id) =>
        throw new ProcessNameExistsException(id);

    [DoesNotReturn]
    public static T UnexpectedResponse<T>(object response) =>
        throw new InvalidCastException($"expected a response of type {typeof(T).Name}, got {response.GetType().Name}");
}

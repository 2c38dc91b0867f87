using System.Reflection;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

/// <summary>
/// Binds a service class to a protobuf <see cref="ServiceDescriptor"/> at start-up: every rpc must have a public
/// method of the same name with the exact signature its streaming kind asks for, and every public method taking a
/// <see cref="ServerCallContext"/> must be an rpc. Any mismatch throws, listing all of them.
/// </summary>
internal static class ServiceBinder
{
    public static IReadOnlyList<ServerMethod> Bind(Type serviceType, ServiceDescriptor service)
    {
        var errors = new List<string>();
        var bound = new List<ServerMethod>();
        var candidates = serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance);
        foreach (var rpc in service.Methods)
        {
            var method = Find(candidates, rpc, errors, serviceType);
            if (method is not null)
            {
                bound.Add(Create(serviceType, rpc, method));
            }
        }

        foreach (var method in candidates)
        {
            if (method.GetParameters().Any(p => p.ParameterType == typeof(ServerCallContext)) && service.FindMethodByName(method.Name) is null)
            {
                errors.Add($"{serviceType.Name}.{method.Name} takes a ServerCallContext but {service.FullName} has no rpc '{method.Name}' (rpcs: {string.Join(", ", service.Methods.Select(m => m.Name))}).");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cannot bind {serviceType.FullName} to {service.FullName} ({service.File.Name}):{Environment.NewLine}  - " +
                string.Join(Environment.NewLine + "  - ", errors));
        }

        return bound;
    }

    /// <summary>The parameter types and return type the handler of <paramref name="rpc"/> must have.</summary>
    public static (Type[] Parameters, Type Return) ExpectedSignature(MethodDescriptor rpc)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var reader = typeof(IAsyncStreamReader<>).MakeGenericType(request);
        var writer = typeof(IServerStreamWriter<>).MakeGenericType(response);
        var task = typeof(Task<>).MakeGenericType(response);
        return Method.TypeOf(rpc) switch
        {
            MethodType.Unary => ([request, typeof(ServerCallContext)], task),
            MethodType.ServerStreaming => ([request, writer, typeof(ServerCallContext)], typeof(Task)),
            MethodType.ClientStreaming => ([reader, typeof(ServerCallContext)], task),
            _ => ([reader, writer, typeof(ServerCallContext)], typeof(Task)),
        };
    }

    private static MethodInfo? Find(MethodInfo[] candidates, MethodDescriptor rpc, List<string> errors, Type serviceType)
    {
        if (rpc.InputType.ClrType is null || rpc.OutputType.ClrType is null)
        {
            errors.Add($"rpc {rpc.Name}: the descriptor has no generated C# message types (compile the .proto with Grpc.Tools).");
            return null;
        }

        var (parameters, returnType) = ExpectedSignature(rpc);
        var expected = $"{Show(returnType)} {rpc.Name}({string.Join(", ", parameters.Select(Show))})";
        var named = candidates.Where(m => m.Name == rpc.Name).ToArray();
        if (named.Length == 0)
        {
            errors.Add($"rpc {rpc.Name} ({Method.TypeOf(rpc)}) has no method: add 'public {expected}' to {serviceType.Name}.");
            return null;
        }

        var match = named.FirstOrDefault(m => m.ReturnType == returnType && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
        if (match is null)
        {
            var actual = named[0];
            errors.Add($"rpc {rpc.Name} ({Method.TypeOf(rpc)}) must be '{expected}' but {serviceType.Name} has " +
                       $"'{Show(actual.ReturnType)} {actual.Name}({string.Join(", ", actual.GetParameters().Select(p => Show(p.ParameterType)))})'.");
        }

        return match;
    }

    private static ServerMethod Create(Type serviceType, MethodDescriptor rpc, MethodInfo method)
    {
        var (parameters, returnType) = ExpectedSignature(rpc);
        var delegateType = System.Linq.Expressions.Expression.GetFuncType([serviceType, .. parameters, returnType]);
        var invoker = Delegate.CreateDelegate(delegateType, method);
        var handlerType = Method.TypeOf(rpc) switch
        {
            MethodType.Unary => typeof(UnaryServerMethod<,,>),
            MethodType.ServerStreaming => typeof(ServerStreamingServerMethod<,,>),
            MethodType.ClientStreaming => typeof(ClientStreamingServerMethod<,,>),
            _ => typeof(DuplexStreamingServerMethod<,,>),
        };
        var closed = handlerType.MakeGenericType(serviceType, rpc.InputType.ClrType, rpc.OutputType.ClrType);
        return (ServerMethod)Activator.CreateInstance(closed, rpc, invoker)!;
    }

    private static string Show(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Show))}>"
        : type.Name;
}

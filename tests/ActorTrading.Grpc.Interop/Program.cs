using ActorTrading.Grpc.Interop;

// dotnet ActorTrading.Grpc.Interop.dll --port N                      serve (N = 0 picks a free port)
// dotnet ActorTrading.Grpc.Interop.dll client --port N --test_case X  run interop cases with our client
return await InteropCommandLine.RunAsync(args).ConfigureAwait(false);

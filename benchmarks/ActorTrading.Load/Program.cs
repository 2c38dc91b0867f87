Console.WriteLine("usage: ActorTrading.Load <scenario> [options]");

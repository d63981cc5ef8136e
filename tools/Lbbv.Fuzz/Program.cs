using Lbbv.Fuzz;

return FuzzCommandLine.Run(args, Console.Out, Console.Error);

using Lbbv.Cli;

return LbbvCommandLine.Run(args);

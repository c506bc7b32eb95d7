using Unikraft.Cli;

return UkApp.Run(args);
